package ecs

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ErrScript is wrapped by every script parse error.
var ErrScript = errors.New("bad input script")

// Op is a script command.
type Op string

// Script commands. Coordinates are screen pixels; buttons are left,
// right or middle; durations are Go durations ("1.5s", "200ms").
const (
	OpMove    Op = "move"     // move X Y
	OpDown    Op = "down"     // down BUTTON [X Y]
	OpUp      Op = "up"       // up BUTTON [X Y]
	OpClick   Op = "click"    // click BUTTON [X Y]
	OpDouble  Op = "dblclick" // dblclick [X Y]
	OpDrag    Op = "drag"     // drag BUTTON X1 Y1 X2 Y2 [STEPS]
	OpKey     Op = "key"      // key CHORD (ctrl+z, shift+f3, enter)
	OpHold    Op = "hold"     // hold KEY (space, shift, ctrl, alt) until release
	OpRelease Op = "release"  // release KEY
	OpText    Op = "text"     // text "quoted string"
	OpWheel   Op = "wheel"    // wheel DY
	OpWait    Op = "wait"     // wait DURATION
	OpSize    Op = "size"     // size W H
)

// ScriptStep is one parsed line. At is the absolute time given by an
// "at DURATION" prefix, or -1 to follow the previous step at once.
type ScriptStep struct {
	Line   int
	At     float64
	Op     Op
	Button Button
	Chord  Chord
	Key    Key
	Text   string
	Nums   []float64
}

// Script is a parsed input script.
type Script struct{ Steps []ScriptStep }

// ParseScript reads the script format, one command per line; blank lines
// and lines starting with # are skipped. A line may start with
// "at DURATION" to say when it happens. Errors name the line.
func ParseScript(r io.Reader) (*Script, error) {
	sc := bufio.NewScanner(r)
	var s Script
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		st, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrScript, n, err)
		}
		st.Line = n
		s.Steps = append(s.Steps, st)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrScript, err)
	}
	return &s, nil
}

func parseLine(line string) (ScriptStep, error) {
	st := ScriptStep{At: -1}
	f := strings.Fields(line)
	if f[0] == "at" {
		if len(f) < 3 {
			return st, errors.New(`"at" needs a time and a command`)
		}
		d, err := parseDur(f[1])
		if err != nil {
			return st, err
		}
		st.At, line, f = d, strings.TrimSpace(strings.SplitN(line, f[1], 2)[1]), f[2:]
	}
	if f[0] == "mouse" && len(f) > 1 { // "mouse move X Y"
		f = f[1:]
	}
	st.Op = Op(f[0])
	return st, parseArgs(&st, f[1:], line)
}

func parseArgs(st *ScriptStep, args []string, line string) error {
	switch st.Op {
	case OpMove, OpSize:
		return nums(st, args, 2, 2)
	case OpDown, OpUp, OpClick:
		return buttonArgs(st, args, 2)
	case OpDrag:
		if err := buttonArgs(st, args, 5); err != nil {
			return err
		}
		if len(st.Nums) < 4 {
			return errors.New("drag needs BUTTON X1 Y1 X2 Y2 [STEPS]")
		}
		return nil
	case OpDouble:
		return nums(st, args, 0, 2)
	case OpWheel:
		return nums(st, args, 1, 1)
	case OpWait:
		return waitArg(st, args)
	case OpKey:
		return chordArg(st, args)
	case OpHold, OpRelease:
		return keyArg(st, args)
	case OpText:
		return textArg(st, line)
	}
	return fmt.Errorf("unknown command %q", st.Op)
}

func nums(st *ScriptStep, args []string, lo, hi int) error {
	if len(args) < lo || len(args) > hi || (lo == 0 && len(args) == 1) {
		return fmt.Errorf("%s takes %d to %d numbers, got %d", st.Op, lo, hi, len(args))
	}
	for _, a := range args {
		v, err := strconv.ParseFloat(a, 64)
		if err != nil || v != v || v > 1e9 || v < -1e9 {
			return fmt.Errorf("%s: %q is not a number", st.Op, a)
		}
		st.Nums = append(st.Nums, v)
	}
	return nil
}

var buttonNames = map[string]Button{"left": ButtonLeft, "right": ButtonRight, "middle": ButtonMiddle}

func buttonArgs(st *ScriptStep, args []string, maxNums int) error {
	if len(args) == 0 {
		return fmt.Errorf("%s needs a button (left, right, middle)", st.Op)
	}
	b, ok := buttonNames[args[0]]
	if !ok {
		return fmt.Errorf("%s: unknown button %q", st.Op, args[0])
	}
	st.Button = b
	if st.Op == OpDrag {
		return nums(st, args[1:], 4, maxNums)
	}
	return nums(st, args[1:], 0, maxNums)
}

func waitArg(st *ScriptStep, args []string) error {
	if len(args) != 1 {
		return errors.New("wait takes one duration")
	}
	d, err := parseDur(args[0])
	st.Nums = []float64{d}
	return err
}

func chordArg(st *ScriptStep, args []string) error {
	if len(args) != 1 {
		return errors.New("key takes one chord, like ctrl+z")
	}
	c, err := ParseChord(args[0])
	st.Chord = c
	return err
}

func keyArg(st *ScriptStep, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%s takes one key", st.Op)
	}
	st.Key = Key(strings.ToLower(args[0]))
	return nil
}

func textArg(st *ScriptStep, line string) error {
	q := strings.TrimSpace(strings.TrimPrefix(line, string(OpText)))
	s, err := strconv.Unquote(q)
	if err != nil {
		return fmt.Errorf("text needs one quoted string, got %s", q)
	}
	st.Text = s
	return nil
}

// parseDur reads "1.5s", "200ms" or a bare number of seconds.
func parseDur(s string) (float64, error) {
	if v, err := strconv.ParseFloat(s, 64); err == nil && v >= 0 && v < 1e6 {
		return v, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 || d > 1e6*time.Second {
		return 0, fmt.Errorf("bad duration %q", s)
	}
	return d.Seconds(), nil
}
