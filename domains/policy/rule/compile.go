package rule

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/ext"
)

// Limits on a rule.
const (
	// MaxSource is the longest expression accepted, in bytes.
	MaxSource = 4096
	// CostLimit bounds one evaluation (CEL's cost units: about one per
	// operation and per list element visited).
	CostLimit = 100_000
)

// ErrRule marks an expression that does not compile, does not yield a
// bool, or is too long.
var ErrRule = errors.New("bad rule")

// The variables a rule sees.
const (
	VarCommand = "command"
	VarActor   = "actor"
	VarState   = "state"
	VarVersion = "version"
	VarNow     = "now"
)

// Issue is one problem CEL found, at a 1-based line and column.
type Issue struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// CompileError is an expression CEL refused: its issues, and CEL's own
// report, which shows each position under the source.
type CompileError struct {
	Issues []Issue
	Report string
}

func (e *CompileError) Error() string { return e.Report }

// Unwrap makes a CompileError an ErrRule.
func (e *CompileError) Unwrap() error { return ErrRule }

// Program is a compiled rule, safe for concurrent use.
type Program struct {
	source string
	prg    cel.Program
}

// Source is the expression the program was compiled from.
func (p *Program) Source() string { return p.source }

var env = sync.OnceValues(func() (*cel.Env, error) {
	dyn := cel.MapType(cel.StringType, cel.DynType)
	return cel.NewEnv(
		cel.Variable(VarCommand, dyn), cel.Variable(VarActor, dyn), cel.Variable(VarState, dyn),
		cel.Variable(VarVersion, cel.IntType), cel.Variable(VarNow, cel.TimestampType),
		ext.Strings(),
	)
})

// Compile checks source and returns its program. An expression that does
// not parse or check, or does not yield a bool, is a *CompileError; one
// over MaxSource bytes an ErrRule. An expression whose type is only known
// when it runs (`state.archived`) is accepted; yielding anything but a
// bool then is an evaluation error.
func Compile(source string) (*Program, error) {
	if len(source) > MaxSource {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrRule, len(source), MaxSource)
	}
	if strings.TrimSpace(source) == "" {
		return nil, fmt.Errorf("%w: empty expression", ErrRule)
	}
	e, err := env()
	if err != nil {
		return nil, fmt.Errorf("%w: rule environment: %v", ErrRule, err)
	}
	ast, iss := e.Compile(source)
	if iss != nil && iss.Err() != nil {
		return nil, compileError(iss)
	}
	if out := ast.OutputType(); !out.IsExactType(cel.BoolType) && !out.IsExactType(cel.DynType) {
		msg := "the rule yields " + out.String() + ", not bool"
		return nil, &CompileError{Issues: []Issue{{Line: 1, Column: 1, Message: msg}}, Report: "ERROR: <input>:1:1: " + msg}
	}
	prg, err := e.Program(ast, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(CostLimit))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrRule, err)
	}
	return &Program{source: source, prg: prg}, nil
}

func compileError(iss *cel.Issues) *CompileError {
	ce := &CompileError{Report: iss.Err().Error()}
	for _, e := range iss.Errors() {
		ce.Issues = append(ce.Issues, Issue{Line: e.Location.Line(), Column: e.Location.Column() + 1, Message: e.Message})
	}
	return ce
}
