package api_test

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

func TestMalformedRequestsNameTheProblem(t *testing.T) {
	k := testkit.New(t, dbtest.SQLite(t))
	admin := k.Login("admin", testkit.AdminPassword)
	before := k.AuditCount()
	cases := []struct {
		name, body, code, field string
	}{
		{"syntax", `{"username": "a",}`, "request.malformed_json", ""},
		{"unknown field", `{"username":"abc","password":"0123456789","display_name":"A","roles":["admin"],"is_root":true}`, "request.invalid_fields", "is_root"},
		{"wrong type", `{"username":"abc","password":"0123456789","display_name":"A","roles":"admin"}`, "request.invalid_fields", "roles"},
		{"trailing data", `{"username":"abc"} {"x":1}`, "request.malformed_json", ""},
		{"empty", ``, "request.empty_body", ""},
		{"short password", `{"username":"abc","password":"short","display_name":"A","roles":["admin"]}`, "request.invalid_fields", "password"},
		{"unknown role", `{"username":"abc","password":"0123456789","display_name":"A","roles":["root"]}`, "request.invalid_fields", "roles"},
	}
	for _, c := range cases {
		res := admin.Do("POST", "/api/v1/users", c.body)
		if res.Status != 400 || res.ErrorCode() != c.code || (c.field != "" && res.ErrorField(c.field) == "") {
			t.Errorf("%s: %d %s, want 400 %s naming %q", c.name, res.Status, res.Body, c.code, c.field)
		}
	}
	all := admin.Do("POST", "/api/v1/users", `{"username":"A B","password":"short","display_name":"","roles":[]}`)
	for _, f := range []string{"username", "password", "display_name", "roles"} {
		if all.ErrorField(f) == "" {
			t.Errorf("every bad field must be named at once; %s missing in %s", f, all.Body)
		}
	}
	if res := admin.Do("GET", "/api/v1/users?sort=password_hash", nil); res.Status != 400 || res.ErrorField("sort") == "" {
		t.Errorf("unknown sort: %d %s", res.Status, res.Body)
	}
	if res := admin.Do("GET", "/api/v1/users?page_size=500", nil); res.Status != 400 || res.ErrorField("page_size") == "" {
		t.Errorf("page_size 500: %d %s", res.Status, res.Body)
	}
	if res := admin.Do("GET", "/api/v1/audit?from=2026-13-01", nil); res.Status != 400 || res.ErrorField("from") == "" {
		t.Errorf("bad date: %d %s", res.Status, res.Body)
	}
	if k.AuditCount() != before {
		t.Fatal("a refused request wrote an audit entry")
	}
}

// TestOversizedBody goes through a real listener: the body limit is applied
// by the HTTP server while reading, before any handler runs.
func TestOversizedBody(t *testing.T) {
	cfg := testkit.Config(t, dbtest.SQLite(t))
	cfg.Server.BodyLimitBytes = 4096 // small, so the client's write completes before the refusal
	k := testkit.NewWith(t, cfg)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := k.Sys.Server().App
	go func() { _ = srv.Listener(ln) }()
	t.Cleanup(func() { _ = srv.Shutdown() })
	big := `{"username":"` + strings.Repeat("a", 8192) + `"}`
	res, err := http.Post("http://"+ln.Addr().String()+"/api/v1/auth/login", "application/json", strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Error struct{ Code string } `json:"error"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 400 || body.Error.Code != "request.too_large" {
		t.Fatalf("oversized body: %d %s", res.StatusCode, body.Error.Code)
	}
}

func TestErrorsSpeakChineseOrEnglish(t *testing.T) {
	k := testkit.New(t, dbtest.SQLite(t))
	c := k.Anon()
	res := c.Do("POST", "/api/v1/auth/login", map[string]string{"username": "x", "password": "wrong-password"})
	if res.JSON["error"].(map[string]any)["message"] != "用户名或密码错误" {
		t.Fatalf("default language: %s", res.Body)
	}
	c.Lang = "en-US,en;q=0.9"
	res = c.Do("POST", "/api/v1/auth/login", map[string]string{"username": "x", "password": "wrong-password"})
	if res.JSON["error"].(map[string]any)["message"] != "Wrong username or password" {
		t.Fatalf("english: %s", res.Body)
	}
}

func TestUnknownAPIRouteIsJSON404AndPagesFallBack(t *testing.T) {
	k := testkit.New(t, dbtest.SQLite(t))
	res := k.Anon().Do("GET", "/api/v1/no-such-thing", nil)
	if res.Status != 404 || res.ErrorCode() != "route.not_found" {
		t.Fatalf("unknown api route: %d %s", res.Status, res.Body)
	}
	page := k.Anon().Do("GET", "/console/users", nil)
	if page.Status != 200 || !strings.Contains(page.Body, "<html") {
		t.Fatalf("client route: %d %.100s", page.Status, page.Body)
	}
	for _, h := range []string{"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"} {
		if page.Header.Get(h) == "" {
			t.Errorf("missing security header %s", h)
		}
	}
}

func TestNoInternalsLeak(t *testing.T) {
	k := testkit.New(t, dbtest.SQLite(t))
	admin := k.Login("admin", testkit.AdminPassword)
	// Close the database under the server: the next query fails inside GORM.
	if err := k.Sys.DB.Close(); err != nil {
		t.Fatal(err)
	}
	res := admin.Do("GET", "/api/v1/users", nil)
	if res.Status < 500 {
		t.Fatalf("status %d", res.Status)
	}
	low := strings.ToLower(res.Body)
	for _, leak := range []string{"sql", "gorm", "goroutine", ".go:", "database is closed"} {
		if strings.Contains(low, leak) {
			t.Fatalf("response leaks %q: %s", leak, res.Body)
		}
	}
	if res.ErrorCode() != "db.unavailable" {
		t.Fatalf("code = %s, want db.unavailable", res.ErrorCode())
	}
	ready := httptest.NewRequest("GET", "/readyz", nil)
	r, err := k.Srv.Test(ready, -1)
	if err != nil || r.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("readyz with the database down: %v %v", r.StatusCode, err)
	}
}
