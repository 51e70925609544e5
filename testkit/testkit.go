// Package testkit runs a whole HuiGuan (real database, real router) inside a
// test and talks to it over Fiber's in-memory transport.
package testkit

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"huiguan/app"
	"huiguan/app/identity"
	"huiguan/infra/config"
	"huiguan/infra/db/dbtest"
	"huiguan/wire"
)

// Clock is a settable clock for tests.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock starts at t.
func NewClock(t time.Time) *Clock { return &Clock{now: t.UTC()} }

// Now returns the current test time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Kit is a running system under test.
type Kit struct {
	T     testing.TB
	Sys   *wire.System
	Clock *Clock
	Srv   interface {
		Test(req *http.Request, msTimeout ...int) (*http.Response, error)
	}
	AdminPassword string
}

// AdminPassword is the first administrator's password in every kit.
const AdminPassword = "admin-password-for-tests"

// Config returns the default configuration pointed at tg.
func Config(t testing.TB, tg dbtest.Target) config.Config {
	t.Helper()
	cfg, err := config.Load("", func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	cfg.DataDir = tg.DataDir
	cfg.Database.DSN = tg.DSN
	cfg.Database.MaxOpenConns = 16
	return cfg
}

// New opens a fresh system on tg with an administrator account.
func New(t testing.TB, tg dbtest.Target) *Kit {
	t.Helper()
	return NewWith(t, Config(t, tg))
}

// NewWith opens a system with the given configuration.
func NewWith(t testing.TB, cfg config.Config) *Kit {
	t.Helper()
	clock := NewClock(time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if os.Getenv("HUIGUAN_TEST_LOG") != "" {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	sys, err := wire.Open(context.Background(), cfg, log, wire.Options{Clock: clock, BcryptCost: 4})
	if err != nil {
		t.Fatalf("testkit: open: %v", err)
	}
	t.Cleanup(func() { sys.Close() })
	if _, err := sys.Identity.EnsureAdmin(Ctx(), AdminPassword, nil); err != nil {
		t.Fatalf("testkit: admin: %v", err)
	}
	return &Kit{T: t, Sys: sys, Clock: clock, Srv: sys.Server().App, AdminPassword: AdminPassword}
}

// Ctx is a context acting as the system.
func Ctx() context.Context { return app.WithPrincipal(context.Background(), app.System("test")) }

// CreateUser makes an account directly through the use case.
func (k *Kit) CreateUser(username string, roles ...string) {
	k.T.Helper()
	_, err := k.Sys.Identity.CreateUser(Ctx(), identity.CreateUserCommand{
		Username: username, Password: username + "-password", DisplayName: username, Roles: roles,
	})
	if err != nil {
		k.T.Fatalf("testkit: create user %s: %v", username, err)
	}
}

// Client is a browser-like session: a cookie jar of one cookie and the CSRF token.
type Client struct {
	k       *Kit
	Cookie  string
	CSRF    string
	Lang    string
	Headers map[string]string
}

// Anon is a client with no session.
func (k *Kit) Anon() *Client { return &Client{k: k} }

// Login logs in and fails the test if it does not succeed.
func (k *Kit) Login(username, password string) *Client {
	k.T.Helper()
	c := k.Anon()
	res := c.Do("POST", "/api/v1/auth/login", map[string]string{"username": username, "password": password})
	if res.Status != http.StatusOK {
		k.T.Fatalf("testkit: login %s: %d %s", username, res.Status, res.Body)
	}
	c.CSRF = res.JSON["csrf_token"].(string)
	return c
}

// Response is a decoded response.
type Response struct {
	Status  int
	Header  http.Header
	Body    string
	JSON    map[string]any
	Cookies []*http.Cookie
}

// ErrorCode is the error envelope's code, or "".
func (r Response) ErrorCode() string {
	if e, ok := r.JSON["error"].(map[string]any); ok {
		s, _ := e["code"].(string)
		return s
	}
	return ""
}

// ErrorField is the envelope's message for one field, or "".
func (r Response) ErrorField(name string) string {
	if e, ok := r.JSON["error"].(map[string]any); ok {
		if f, ok := e["fields"].(map[string]any); ok {
			s, _ := f[name].(string)
			return s
		}
	}
	return ""
}

// Do sends a JSON request (body may be nil, a string of raw JSON, or a value).
func (c *Client) Do(method, path string, body any) Response {
	c.k.T.Helper()
	var rd io.Reader
	raw := false
	switch b := body.(type) {
	case nil:
	case string:
		rd, raw = strings.NewReader(b), true
	default:
		buf, err := json.Marshal(b)
		if err != nil {
			c.k.T.Fatal(err)
		}
		rd = bytes.NewReader(buf)
	}
	req := httptest.NewRequest(method, path, rd)
	if rd != nil || raw {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.Cookie != "" {
		req.Header.Set("Cookie", "huiguan_session="+c.Cookie)
	}
	if c.CSRF != "" && method != "GET" {
		req.Header.Set("X-CSRF-Token", c.CSRF)
	}
	if c.Lang != "" {
		req.Header.Set("Accept-Language", c.Lang)
	}
	for k, v := range c.Headers {
		req.Header.Set(k, v)
	}
	res, err := c.k.Srv.Test(req, -1)
	if err != nil {
		c.k.T.Fatalf("testkit: %s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	out := Response{Status: res.StatusCode, Header: res.Header, Body: string(data), Cookies: res.Cookies()}
	if strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") && len(data) > 0 {
		_ = json.Unmarshal(data, &out.JSON)
	}
	for _, ck := range res.Cookies() {
		if ck.Name == "huiguan_session" {
			c.Cookie = ck.Value
			if ck.MaxAge < 0 {
				c.Cookie = ""
			}
		}
	}
	return out
}

// AuditCount is the number of audit entries.
func (k *Kit) AuditCount() int64 {
	k.T.Helper()
	var n int64
	if err := k.Sys.DB.Gorm.Table("audit_entries").Count(&n).Error; err != nil {
		k.T.Fatal(err)
	}
	return n
}

// Upload posts a multipart form with one file; accept sets the Accept header.
func (c *Client) Upload(path, field, filename string, data []byte, accept string) Response {
	c.k.T.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	part, err := w.CreateFormFile(field, filename)
	if err != nil {
		c.k.T.Fatal(err)
	}
	part.Write(data)
	w.Close()
	req := httptest.NewRequest("POST", path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return c.send(req)
}

// Get fetches a path as raw bytes (downloads).
func (c *Client) Get(path string) Response {
	c.k.T.Helper()
	return c.send(httptest.NewRequest("GET", path, nil))
}

func (c *Client) send(req *http.Request) Response {
	c.k.T.Helper()
	if c.Cookie != "" {
		req.Header.Set("Cookie", "huiguan_session="+c.Cookie)
	}
	if c.CSRF != "" && req.Method != "GET" {
		req.Header.Set("X-CSRF-Token", c.CSRF)
	}
	if c.Lang != "" {
		req.Header.Set("Accept-Language", c.Lang)
	}
	res, err := c.k.Srv.Test(req, -1)
	if err != nil {
		c.k.T.Fatalf("testkit: %s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	out := Response{Status: res.StatusCode, Header: res.Header, Body: string(data), Cookies: res.Cookies()}
	if strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") && len(data) > 0 {
		_ = json.Unmarshal(data, &out.JSON)
	}
	return out
}
