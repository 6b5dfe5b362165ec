package causation

import (
	"fmt"
	"testing"
)

// BenchmarkTree: a correlation of 1,000 messages (a command fanning out
// to events that cause commands, ten children each), built and laid out.
func BenchmarkTree1000(b *testing.B) {
	c := newChat()
	c.add("cmd:m0", "cmd:m0")
	for i := 1; i < 1000; i++ {
		c.add(fmt.Sprintf("evt:m%d", i), fmt.Sprintf("cmd:m%d", (i-1)/10))
		c.ids[fmt.Sprintf("cmd:m%d", i)] = c.ids[fmt.Sprintf("evt:m%d", i)]
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if g := Tree(c.entries, c.corr); g.NodeCount() != 1000 {
			b.Fatalf("%d nodes", g.NodeCount())
		}
	}
}
