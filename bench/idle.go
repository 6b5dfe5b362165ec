package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// userHZ is the unit of the CPU times in /proc/<pid>/stat (USER_HZ, 100 on
// every Linux architecture Go runs on).
const userHZ = 100

// editorCommand finds the editor: the cimviz-edit binary beside this one,
// else this binary's edit subcommand.
func editorCommand(ctx context.Context, args ...string) (*exec.Cmd, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("%w: cannot find the editor: %v", ErrNotMeasured, err)
	}
	if edit := filepath.Join(filepath.Dir(self), "cimviz-edit"); isFile(edit) {
		return exec.CommandContext(ctx, edit, args...), nil
	}
	if !strings.HasPrefix(filepath.Base(self), "cimviz") {
		return nil, fmt.Errorf("%w: no cimviz-edit beside %s and it is not cimviz", ErrNotMeasured, self)
	}
	return exec.CommandContext(ctx, self, append([]string{"edit"}, args...)...), nil
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// measureIdleCPU runs the editor on its sample document under the current
// display, lets it settle, and reads how much CPU it spends doing nothing.
func measureIdleCPU(ctx context.Context, s Size) (Measurement, error) {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return Measurement{}, fmt.Errorf("%w: no DISPLAY to open the editor on (try xvfb-run -a)", ErrNotMeasured)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	data, err := os.MkdirTemp("", "cimviz-idle-*")
	if err != nil {
		return Measurement{}, err
	}
	defer os.RemoveAll(data)
	// live, as a user runs it: embedded server, services, bridge; its own data
	cmd, err := editorCommand(ctx, "--data", data)
	if err != nil {
		return Measurement{}, err
	}
	p, err := startProc(cmd)
	if err != nil {
		return Measurement{}, err
	}
	defer func() { cancel(); <-p.done }()
	settle, window := time.Duration(s.Pick(2, 5))*time.Second, time.Duration(s.Pick(3, 10))*time.Second
	percent, err := cpuOver(p, settle, window)
	if err != nil {
		return Measurement{}, err
	}
	note := fmt.Sprintf("%s live on the demo (embedded server and services in the process), untouched, %v after %v settling, DISPLAY=%s", filepath.Base(cmd.Path), window, settle, os.Getenv("DISPLAY"))
	return Measurement{Value: percent, Note: note}, nil
}

// proc is a started process; done closes when it has exited.
type proc struct {
	cmd    *exec.Cmd
	stderr bytes.Buffer
	err    error
	done   chan struct{}
}

func startProc(cmd *exec.Cmd) (*proc, error) {
	p := &proc{cmd: cmd, done: make(chan struct{})}
	cmd.Stderr = &p.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the editor: %w", err)
	}
	go func() { p.err = cmd.Wait(); close(p.done) }()
	return p, nil
}

// wait sleeps d, or fails when the process exits first.
func (p *proc) wait(d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-p.done:
		return fmt.Errorf("the editor exited while idle (%v): %s", p.err, strings.TrimSpace(lastLine(p.stderr.String())))
	}
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// cpuOver waits settle, then returns the process's CPU use over window as
// a percentage of one core.
func cpuOver(p *proc, settle, window time.Duration) (float64, error) {
	if err := p.wait(settle); err != nil {
		return 0, err
	}
	before, err := cpuTicks(p.cmd.Process.Pid)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	if err := p.wait(window); err != nil {
		return 0, err
	}
	after, err := cpuTicks(p.cmd.Process.Pid)
	if err != nil {
		return 0, err
	}
	used := float64(after-before) / userHZ
	return 100 * used / time.Since(start).Seconds(), nil
}

func cpuTicks(pid int) (uint64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("%w: reading the editor's CPU time: %v", ErrNotMeasured, err)
	}
	return parseStatCPU(string(data))
}

// errStat marks a /proc/<pid>/stat line that cannot be read.
var errStat = errors.New("malformed /proc stat line")

// parseStatCPU returns utime+stime (fields 14 and 15) of a /proc/<pid>/stat
// line. The command name (field 2) may hold spaces and parentheses, so
// fields are counted after its last ')'.
func parseStatCPU(line string) (uint64, error) {
	i := strings.LastIndexByte(line, ')')
	if i < 0 {
		return 0, fmt.Errorf("%w: no command name", errStat)
	}
	f := strings.Fields(line[i+1:])
	// f[0] is field 3 (state), so field k is f[k-3].
	if len(f) < 13 {
		return 0, fmt.Errorf("%w: %d fields after the name", errStat, len(f))
	}
	utime, err1 := strconv.ParseUint(f[11], 10, 64)
	stime, err2 := strconv.ParseUint(f[12], 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, fmt.Errorf("%w: %v", errStat, err)
	}
	return utime + stime, nil
}
