// Package bench measures HuiGuan at the target scale: run with
//
//	go test -run '^$' -bench . -benchtime 50x ./bench/
//
// (or `make bench`). HUIGUAN_BENCH_MEMBERS sets the roster size (default
// 100,000); with HUIGUAN_TEST_MYSQL_DSN set each benchmark also runs on
// MariaDB. The benchmarks never run inside `make test`, and nothing here
// asserts a time.
package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"huiguan/app/demo"
	"huiguan/domain/member"
	"huiguan/infra/db/dbtest"
	"huiguan/infra/store"
	"huiguan/testkit"
)

func scale() int {
	if n, err := strconv.Atoi(os.Getenv("HUIGUAN_BENCH_MEMBERS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// fixture is a running server over a seeded roster.
type fixture struct {
	k      *testkit.Kit
	tiers  []int64
	units  []*member.Member
	base   string
	client *http.Client
	csrf   string
	anyID  int64
	seeded time.Duration
}

func targets(b *testing.B) []string {
	out := []string{"sqlite"}
	if dbtest.HasMySQL() {
		out = append(out, "mysql")
	}
	return out
}

func setup(b *testing.B, name string) *fixture {
	tg := dbtest.SQLite(b)
	if name == "mysql" {
		tg = dbtest.MySQL(b)
	}
	k := testkit.New(b, tg)
	ctx := testkit.Ctx()
	var tierIDs []int64
	for i, t := range []member.Tier{
		{Name: "会长单位", Rank: 1, AnnualFeeFen: 5_000_000, Services: []string{"s"}, Active: true},
		{Name: "副会长单位", Rank: 2, AnnualFeeFen: 2_000_000, Services: []string{"s"}, Active: true},
		{Name: "理事单位", Rank: 3, AnnualFeeFen: 800_000, Services: []string{"s"}, Active: true},
		{Name: "会员单位", Rank: 4, AnnualFeeFen: 200_000, Services: []string{"s"}, Active: true},
	} {
		saved, err := k.Sys.Members.SaveTier(ctx, t)
		if err != nil {
			b.Fatal(i, err)
		}
		tierIDs = append(tierIDs, saved.ID)
	}
	start := time.Now()
	units := demo.Units(42, scale(), tierIDs, k.Clock.Now())
	repo := store.NewMembers(k.Sys.Store, k.Sys.Cipher)
	for i := 0; i < len(units); i += 5000 {
		batch := units[i:min(i+5000, len(units))]
		if err := k.Sys.Store.Do(ctx, func(ctx context.Context) error { return repo.CreateMany(ctx, batch) }); err != nil {
			b.Fatal(err)
		}
	}
	seeded := time.Since(start)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := k.Sys.Server().App
	go func() { _ = srv.Listener(ln) }()
	b.Cleanup(func() { _ = srv.Shutdown() })
	jar, _ := cookiejar.New(nil)
	f := &fixture{k: k, tiers: tierIDs, units: units, base: "http://" + ln.Addr().String(), client: &http.Client{Jar: jar, Timeout: 5 * time.Minute}, anyID: units[len(units)/2].ID, seeded: seeded}
	res, err := f.client.Post(f.base+"/api/v1/auth/login", "application/json",
		strings.NewReader(`{"username":"admin","password":"`+testkit.AdminPassword+`"}`))
	if err != nil {
		b.Fatal(err)
	}
	var out struct {
		CSRF string `json:"csrf_token"`
	}
	_ = json.NewDecoder(res.Body).Decode(&out)
	res.Body.Close()
	f.csrf = out.CSRF
	b.Logf("%s: seeded %d members in %s", name, len(units), seeded.Round(time.Millisecond))
	return f
}

// login switches the fixture's session to another account.
func (f *fixture) login(b *testing.B, username, password string) {
	res, err := f.client.Post(f.base+"/api/v1/auth/login", "application/json",
		strings.NewReader(`{"username":"`+username+`","password":"`+password+`"}`))
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		CSRF string `json:"csrf_token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != 200 {
		b.Fatalf("login %s: %d %v", username, res.StatusCode, err)
	}
	f.csrf = out.CSRF
}

// post sends a JSON body with the CSRF token and expects want.
func (f *fixture) post(b *testing.B, path, body string, want int) {
	req, _ := http.NewRequest(http.MethodPost, f.base+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", f.csrf)
	res, err := f.client.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != want {
		msg, _ := io.ReadAll(res.Body)
		b.Fatalf("%s: %d %s", path, res.StatusCode, msg)
	}
}

func (f *fixture) fetch(b *testing.B, path string) (int, int64) {
	res, err := f.client.Get(f.base + path)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	if err != nil {
		b.Fatal(err)
	}
	if res.StatusCode != 200 {
		b.Fatalf("%s: %d", path, res.StatusCode)
	}
	return res.StatusCode, n
}

// BenchmarkMembers measures the registry on each database over one seeded
// roster: the console's 20-row page with one filter and a name search, one
// unit's detail with masking and its audited restricted read, and the
// export of the whole roster with the process's peak RSS (VmHWM, reset
// before the export); and the live capability scorecard, which reads every
// module's figures across the whole roster at once.
func BenchmarkMembers(b *testing.B) {
	for _, name := range targets(b) {
		b.Run(name, func(b *testing.B) {
			f := setup(b, name)
			b.Run("roster_page", func(b *testing.B) {
				path := "/api/v1/members?status=active&region=" + urlq("广州") + "&q=" + urlq("物流") + "&page_size=20"
				for b.Loop() {
					f.fetch(b, path)
				}
			})
			b.Run("member_detail", func(b *testing.B) {
				path := fmt.Sprintf("/api/v1/members/%d", f.anyID)
				for b.Loop() {
					f.fetch(b, path)
				}
			})
			b.Run("export", func(b *testing.B) {
				runtime.GC()
				resetPeakRSS()
				var size int64
				for b.Loop() {
					_, size = f.fetch(b, "/api/v1/members/export.xlsx?purpose=benchmark")
				}
				b.ReportMetric(float64(size)/(1<<20), "MB/file")
				b.ReportMetric(peakRSSMB(), "peakRSS_MB")
			})
			b.Run("scorecard_live", func(b *testing.B) {
				for b.Loop() {
					f.fetch(b, "/api/v1/scorecard/live")
				}
			})
		})
	}
}

func urlq(s string) string {
	var sb strings.Builder
	for _, c := range []byte(s) {
		fmt.Fprintf(&sb, "%%%02X", c)
	}
	return sb.String()
}

// resetPeakRSS clears the kernel's high-water mark for this process.
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.ParseFloat(strings.Fields(line)[1], 64)
			return kb / 1024
		}
	}
	return 0
}
