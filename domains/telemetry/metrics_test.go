package telemetry_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/telemetry"
)

// scrape fetches url over HTTP and parses the exposition text.
func scrape(t *testing.T, url string) map[string]*dto.MetricFamily {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return fams
}

// sample finds the sample of family name whose labels include want; ok is
// false when there is none.
func sample(fams map[string]*dto.MetricFamily, name string, want map[string]string) (*dto.Metric, bool) {
	f, ok := fams[name]
	if !ok {
		return nil, false
	}
	for _, m := range f.GetMetric() {
		if hasLabels(m, want) {
			return m, true
		}
	}
	return nil, false
}

func hasLabels(m *dto.Metric, want map[string]string) bool {
	n := 0
	for _, lp := range m.GetLabel() {
		if v, ok := want[lp.GetName()]; ok && v == lp.GetValue() {
			n++
		}
	}
	return n == len(want)
}

// value is a counter's, gauge's or untyped sample's value, -1 when absent.
func value(fams map[string]*dto.MetricFamily, name string, labels map[string]string) float64 {
	m, ok := sample(fams, name, labels)
	switch {
	case !ok:
		return -1
	case m.Counter != nil:
		return m.Counter.GetValue()
	case m.Gauge != nil:
		return m.Gauge.GetValue()
	default:
		return m.GetUntyped().GetValue()
	}
}

// startMetrics serves the counter domain observed by fresh metrics, with
// the server and service collectors, on a loopback HTTP port.
func startMetrics(t *testing.T) (counter, *telemetry.Endpoint) {
	t.Helper()
	m := telemetry.New()
	c := startCounter(t, service.WithObserver(m))
	if err := m.AddServer(c.srv.NATS()); err != nil {
		t.Fatal(err)
	}
	if err := m.AddServices(c.nc, 300*time.Millisecond, "cim-counter", "cim-absent"); err != nil {
		t.Fatal(err)
	}
	ep, err := m.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := ep.Close(); err != nil {
			t.Error(err)
		}
	})
	return c, ep
}

// A real service on the embedded server, six commands with known
// outcomes, one scrape over HTTP: every counter says what happened.
func TestMetricsScrapedOverHTTP(t *testing.T) {
	c, ep := startMetrics(t)
	first := c.sendMix(t)
	var fams map[string]*dto.MetricFamily
	eventually(t, "six command latencies observed", func() bool {
		fams = scrape(t, ep.URL())
		return histogramCount(fams, "cimviz_command_duration_seconds") == 6
	})
	d := map[string]string{"domain": "counter"}
	checks := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"cimviz_commands_total", map[string]string{"domain": "counter", "command": "create", "outcome": "accepted"}, 1},
		{"cimviz_commands_total", map[string]string{"domain": "counter", "command": "create", "outcome": "duplicate"}, 1},
		{"cimviz_commands_total", map[string]string{"domain": "counter", "command": "create", "outcome": "refused"}, 1},
		{"cimviz_commands_total", map[string]string{"domain": "counter", "command": "increment", "outcome": "refused"}, 2},
		{"cimviz_commands_total", map[string]string{"domain": "counter", "command": "_unknown", "outcome": "refused"}, 1},
		{"cimviz_command_refusals_total", map[string]string{"domain": "counter", "code": "400"}, 2},
		{"cimviz_command_refusals_total", map[string]string{"domain": "counter", "code": "404"}, 1},
		{"cimviz_command_refusals_total", map[string]string{"domain": "counter", "code": "409"}, 1},
		{"cimviz_command_refusals_total", map[string]string{"domain": "counter", "code": "500"}, 0},
		{"cimviz_command_conflicts_total", d, 1},
		{"cimviz_stream_last_sequence", d, float64(first.Sequence)},
		{"cimviz_service_up", map[string]string{"service": "cim-counter"}, 1},
		{"cimviz_service_instances", map[string]string{"service": "cim-counter"}, 1},
		{"cimviz_service_up", map[string]string{"service": "cim-absent"}, 0},
	}
	for _, ch := range checks {
		if got := value(fams, ch.name, ch.labels); got != ch.want {
			t.Errorf("%s%v = %v, want %v", ch.name, ch.labels, got, ch.want)
		}
	}
	if first.Sequence == 0 {
		t.Error("the accepted create reported no stream sequence")
	}
	checkServerFigures(t, fams)
}

// checkServerFigures asserts the embedded server's figures are there and
// plausible: one stream holding the one event, a connection, a limit.
func checkServerFigures(t *testing.T, fams map[string]*dto.MetricFamily) {
	t.Helper()
	for name, min := range map[string]float64{
		"cimviz_jetstream_streams": 1, "cimviz_jetstream_messages": 1, "cimviz_jetstream_storage_bytes": 1,
		"cimviz_jetstream_storage_limit_bytes": 1, "cimviz_jetstream_api_requests_total": 1,
		"cimviz_nats_connections": 1, "cimviz_nats_in_messages_total": 6,
	} {
		if got := value(fams, name, nil); got < min {
			t.Errorf("%s = %v, want at least %v", name, got, min)
		}
	}
}

// histogramCount sums the sample counts of a histogram family.
func histogramCount(fams map[string]*dto.MetricFamily, name string) uint64 {
	var n uint64
	for _, m := range fams[name].GetMetric() {
		n += m.GetHistogram().GetSampleCount()
	}
	return n
}

// Health sums each service's STATS: the counter is up with its six
// commands, four of them refused; an expected service that is not
// running is down.
func TestHealthFromStats(t *testing.T) {
	c := startCounter(t)
	c.sendMix(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	health, err := telemetry.Health(ctx, c.nc, 300*time.Millisecond, "cim-counter", "cim-gone")
	if err != nil {
		t.Fatal(err)
	}
	want := []telemetry.ServiceHealth{
		{Name: "cim-counter", Up: true, Instances: 1, Handled: 6, Errors: 4},
		{Name: "cim-gone"},
	}
	if len(health) != len(want) {
		t.Fatalf("health = %+v, want %+v", health, want)
	}
	for i := range want {
		if health[i] != want[i] {
			t.Errorf("health[%d] = %+v, want %+v", i, health[i], want[i])
		}
	}
}

// A request that does not decode (a malformed correlation header) is
// refused before the engine and still counted: as an unknown command,
// refused with 400.
func TestMetricsCountUndecodableRequests(t *testing.T) {
	c, ep := startMetrics(t)
	msg, err := service.CommandMsg("counter", command("create", "c1", `{"name":"visits"}`))
	if err != nil {
		t.Fatal(err)
	}
	msg.Header.Set(message.HeaderCorrelationID, "not-a-uuid")
	reply, err := c.nc.RequestMsg(msg, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if code := service.Code(service.ReplyError(reply)); code != 400 {
		t.Fatalf("malformed request answered %d, want 400", code)
	}
	refused := map[string]string{"domain": "counter", "command": "_unknown", "outcome": "refused"}
	var fams map[string]*dto.MetricFamily
	eventually(t, "the malformed request counted", func() bool {
		fams = scrape(t, ep.URL())
		return value(fams, "cimviz_commands_total", refused) == 1
	})
	if got := value(fams, "cimviz_command_refusals_total", map[string]string{"domain": "counter", "code": "400"}); got != 1 {
		t.Errorf("400 refusals = %v, want 1", got)
	}
}
