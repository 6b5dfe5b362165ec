package bench

// Metrics is every figure cimviz tracks, in report order. A metric whose
// capability has not landed has a nil Measure and is reported as not
// measured.
func Metrics() []Metric {
	return []Metric{
		{Name: "id_gen_per_s", Unit: "ids/s", Target: 10e6, Goal: AtLeast, About: "UUIDv7 generation, one core", Measure: measureIDGen},
		{Name: "event_create_per_s", Unit: "events/s", Target: 5e6, Goal: AtLeast, About: "identity + event envelope, one core", Measure: measureEventCreate},
		{Name: "publish_ratio", Unit: "x raw", Target: 0.9, Goal: AtLeast, About: "event publisher vs raw nats.go publish", Measure: measurePublish},
		{Name: "append_ratio", Unit: "x raw", Target: 0.8, Goal: AtLeast, About: "JetStream store append vs raw async JetStream publish", Measure: measureAppend},
		{Name: "mem_per_event_bytes", Unit: "B", Target: 256, Goal: AtMost, About: "retained memory per event in the memory store, payload excluded", Measure: measureMemPerEvent},
		{Name: "filter_1m_ms", Unit: "ms", Target: 10, Goal: AtMost, About: "filter 1M stored events by a wildcard subject", Measure: measureFilter},
		{Name: "command_rtt_p50_ms", Unit: "ms", Target: 1, Goal: AtMost, About: "command round trip at 1k/s, p50", Measure: measureCommandRTT(50)},
		{Name: "command_rtt_p99_ms", Unit: "ms", Target: 1, Goal: AtMost, About: "command round trip at 1k/s, p99", Measure: measureCommandRTT(99)},
		{Name: "concurrent_commands_per_s", Unit: "cmds/s", Target: 50e3, Goal: AtLeast, About: "many clients, many aggregates, persisted", Measure: measureConcurrent},
		{Name: "gesture_rtt_p99_ms", Unit: "ms", Target: 2, Goal: AtMost, About: "intent to event applied in the world, p99 at 1k/s", Measure: measureGesture},
		{Name: "replay_events_per_s", Unit: "events/s", Target: 500e3, Goal: AtLeast, About: "replay of the log into a fresh world", Measure: measureReplay},
		{Name: "layout_force_10k_ms", Unit: "ms", Target: 15, Goal: AtMost, About: "one force-layout step, 10k nodes / 30k edges", Measure: measureForce10k},
		{Name: "layout_force_100k_ms", Unit: "ms", Target: 200, Goal: AtMost, About: "one force-layout step, 100k nodes / 300k edges", Measure: measureForce100k},
		{Name: "layout_layered_1k_ms", Unit: "ms", Target: 100, Goal: AtMost, About: "layered layout of a 1,000-step workflow", Measure: measureLayered},
		{Name: "layered_crossings_ratio_vs_dot", Unit: "x dot", Target: 1, Goal: AtMost, About: "edge crossings vs Graphviz dot, same graph", Measure: measureCrossings},
		{Name: "graphml_import_100k_ms", Unit: "ms", Target: 1000, Goal: AtMost, About: "import a 100k-node GraphML file", Measure: measureGraphMLImport},
		{Name: "frame_build_10k_ms", Unit: "ms", Target: 4, Goal: AtMost, About: "CPU time to build a frame, 10k nodes + 20k edges", Measure: measureFrame10k},
		{Name: "frame_build_100k_ms", Unit: "ms", Target: 40, Goal: AtMost, About: "CPU time to build a frame, 100k nodes + 200k edges", Measure: measureFrame100k},
		{Name: "draw_calls_100k", Unit: "calls", Target: 8, Goal: AtMost, About: "draw calls per frame at 100k nodes", Measure: measureDrawCalls},
		{Name: "idle_cpu_percent", Unit: "% core", Target: 2, Goal: AtMost, About: "CPU of an idle editor", Measure: measureIdleCPU},
		{Name: "workflow_transitions_per_s", Unit: "transitions/s", Target: 10e3, Goal: AtLeast, About: "step transitions through the workflow service, persisted", Measure: measureTransitions},
		{Name: "workflow_transition_p99_ms", Unit: "ms", Target: 16, Goal: AtMost, About: "step transition latency p99 (target: one frame)", Measure: measureTransitionP99},
		{Name: "seek_1m_ms", Unit: "ms", Target: 500, Goal: AtMost, About: "time travel to any point of a 1M-event history", Measure: measureSeek},
		{Name: "live_events_per_s", Unit: "events/s", Target: 5e3, Goal: AtLeast, About: "live view keeps up, every frame under 16 ms CPU", Measure: measureLive},
		{Name: "categorize_1m_ms", Unit: "ms", Target: 1000, Goal: AtMost, About: "categorize 1M points, 100 prototypes, 8 dimensions", Measure: measureCategorize},
		{Name: "knn_100k_ms", Unit: "ms", Target: 5, Goal: AtMost, About: "k nearest among 100k items, per query", Measure: measureKNN},
		{Name: "voronoi_1k_ms", Unit: "ms", Target: 20, Goal: AtMost, About: "Voronoi cells of 1k prototypes in the view", Measure: measureVoronoi},
	}
}
