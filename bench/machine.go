package bench

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// Machine describes where figures were taken.
type Machine struct {
	CPU    string
	Cores  int
	Memory string
	Go     string
}

// ThisMachine reads the CPU model and memory from /proc (Linux); what it
// cannot read is "unknown".
func ThisMachine() Machine {
	m := Machine{CPU: "unknown", Memory: "unknown", Cores: runtime.NumCPU(), Go: runtime.Version()}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if model := procField(string(data), "model name"); model != "" {
			m.CPU = model
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		m.Memory = memTotal(procField(string(data), "MemTotal"))
	}
	return m
}

// procField returns the value of the first "key : value" line of a /proc
// file whose key is key.
func procField(text, key string) string {
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// memTotal turns /proc/meminfo's "16303412 kB" into "15.5 GiB".
func memTotal(v string) string {
	num, unit, _ := strings.Cut(v, " ")
	kb, err := strconv.ParseFloat(num, 64)
	if err != nil || strings.TrimSpace(unit) != "kB" {
		return "unknown"
	}
	return fmt.Sprintf("%.1f GiB", kb/(1<<20))
}
