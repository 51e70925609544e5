package api_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

func TestLoginAndMe(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		c := k.Anon()
		res := c.Do("POST", "/api/v1/auth/login", map[string]string{"username": "admin", "password": testkit.AdminPassword})
		if res.Status != http.StatusOK {
			t.Fatalf("login: %d %s", res.Status, res.Body)
		}
		var cookie *http.Cookie
		for _, ck := range res.Cookies {
			if ck.Name == "huiguan_session" {
				cookie = ck
			}
		}
		if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode {
			t.Fatalf("session cookie = %+v, want HttpOnly SameSite=Lax", cookie)
		}
		if res.JSON["csrf_token"] == "" {
			t.Fatal("no csrf token")
		}
		me := c.Do("GET", "/api/v1/auth/me", nil)
		user := me.JSON["user"].(map[string]any)
		if me.Status != 200 || user["username"] != "admin" || user["clearance"].(float64) != 3 {
			t.Fatalf("me: %d %s", me.Status, me.Body)
		}
		if me.JSON["csrf_token"] != res.JSON["csrf_token"] {
			t.Fatal("me must return the session's csrf token")
		}
	})
}

func TestLoginRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		k.CreateUser("clerk", "secretariat")
		before := k.AuditCount()

		wrong := k.Anon().Do("POST", "/api/v1/auth/login", map[string]string{"username": "clerk", "password": "not-the-password"})
		unknown := k.Anon().Do("POST", "/api/v1/auth/login", map[string]string{"username": "nobody", "password": "not-the-password"})
		if wrong.Status != 401 || unknown.Status != 401 || wrong.Body != unknown.Body {
			t.Fatalf("wrong password %d %s vs unknown user %d %s: must be the same 401", wrong.Status, wrong.Body, unknown.Status, unknown.Body)
		}
		if wrong.ErrorCode() != "auth.invalid_credentials" {
			t.Fatalf("code = %s", wrong.ErrorCode())
		}
		if k.AuditCount() != before {
			t.Fatal("a refused login wrote an audit entry")
		}
		if res := k.Anon().Do("POST", "/api/v1/auth/login", `{"username":"clerk"`); res.Status != 400 || res.ErrorCode() != "request.malformed_json" {
			t.Fatalf("malformed login: %d %s", res.Status, res.Body)
		}
		if res := k.Anon().Do("POST", "/api/v1/auth/login", map[string]string{"username": "clerk"}); res.Status != 400 || res.ErrorField("password") == "" {
			t.Fatalf("missing password: %d %s", res.Status, res.Body)
		}
	})
}

func TestAccountLocksAfterFiveFailures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		k.CreateUser("clerk", "secretariat")
		bad := map[string]string{"username": "clerk", "password": "wrong-password"}
		for i := 1; i <= 4; i++ {
			if res := k.Anon().Do("POST", "/api/v1/auth/login", bad); res.Status != 401 {
				t.Fatalf("failure %d: %d", i, res.Status)
			}
		}
		res := k.Anon().Do("POST", "/api/v1/auth/login", bad)
		if res.Status != 429 || res.ErrorCode() != "auth.locked" || res.Header.Get("Retry-After") != "900" {
			t.Fatalf("fifth failure: %d %s retry %q", res.Status, res.Body, res.Header.Get("Retry-After"))
		}
		// The right password does not open a locked account…
		good := map[string]string{"username": "clerk", "password": "clerk-password"}
		k.Clock.Advance(10 * time.Minute)
		res = k.Anon().Do("POST", "/api/v1/auth/login", good)
		if res.Status != 429 || res.JSON["error"].(map[string]any)["retry_after"].(float64) != 300 {
			t.Fatalf("locked login with right password: %d %s", res.Status, res.Body)
		}
		if !strings.Contains(res.JSON["error"].(map[string]any)["message"].(string), "300") {
			t.Fatalf("message must say when to retry: %s", res.Body)
		}
		// …until the lock ends.
		k.Clock.Advance(5 * time.Minute)
		if res := k.Anon().Do("POST", "/api/v1/auth/login", good); res.Status != 200 {
			t.Fatalf("after the lock: %d %s", res.Status, res.Body)
		}
	})
}

func TestPerAddressLimit(t *testing.T) {
	k := testkit.New(t, dbtest.SQLite(t))
	k.Sys.Cfg.Login.IPMaxFailures = 30 // the default; documented here for the loop below
	for i := 0; i < 30; i++ {
		k.Anon().Do("POST", "/api/v1/auth/login", map[string]string{"username": "ghost", "password": "wrong-password"})
	}
	res := k.Anon().Do("POST", "/api/v1/auth/login", map[string]string{"username": "admin", "password": testkit.AdminPassword})
	if res.Status != 429 || res.ErrorCode() != "rate.limited" {
		t.Fatalf("after 30 failures from one address: %d %s", res.Status, res.Body)
	}
	k.Clock.Advance(16 * time.Minute)
	if res := k.Anon().Do("POST", "/api/v1/auth/login", map[string]string{"username": "admin", "password": testkit.AdminPassword}); res.Status != 200 {
		t.Fatalf("after the window: %d %s", res.Status, res.Body)
	}
}

func TestDisabledUserCannotLogIn(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		admin := k.Login("admin", testkit.AdminPassword)
		k.CreateUser("clerk", "secretariat")
		clerk := k.Login("clerk", "clerk-password")
		list := admin.Do("GET", "/api/v1/users?q=clerk", nil)
		id := list.JSON["items"].([]any)[0].(map[string]any)["id"].(float64)
		if res := admin.Do("PATCH", "/api/v1/users/"+itoa(id), map[string]any{"disabled": true}); res.Status != 200 || res.JSON["disabled"] != true {
			t.Fatalf("disable: %d %s", res.Status, res.Body)
		}
		if res := clerk.Do("GET", "/api/v1/auth/me", nil); res.Status != 401 {
			t.Fatalf("disabling must end the user's sessions: %d", res.Status)
		}
		res := k.Anon().Do("POST", "/api/v1/auth/login", map[string]string{"username": "clerk", "password": "clerk-password"})
		if res.Status != 401 || res.ErrorCode() != "auth.disabled" {
			t.Fatalf("disabled login: %d %s", res.Status, res.Body)
		}
	})
}

func TestSessionExpiry(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		c := k.Login("admin", testkit.AdminPassword)
		k.Clock.Advance(29 * time.Minute)
		if res := c.Do("GET", "/api/v1/auth/me", nil); res.Status != 200 {
			t.Fatalf("within idle timeout: %d", res.Status)
		}
		k.Clock.Advance(29 * time.Minute) // activity moved last-seen: still alive
		if res := c.Do("GET", "/api/v1/auth/me", nil); res.Status != 200 {
			t.Fatalf("activity must extend the idle timeout: %d", res.Status)
		}
		k.Clock.Advance(31 * time.Minute)
		res := c.Do("GET", "/api/v1/auth/me", nil)
		if res.Status != 401 || res.ErrorCode() != "auth.session_expired" {
			t.Fatalf("idle session: %d %s", res.Status, res.Body)
		}

		// Absolute expiry ends even an active session.
		c = k.Login("admin", testkit.AdminPassword)
		for i := 0; i < 25; i++ {
			k.Clock.Advance(29 * time.Minute)
			c.Do("GET", "/api/v1/auth/me", nil)
		}
		if res := c.Do("GET", "/api/v1/auth/me", nil); res.Status != 401 {
			t.Fatalf("after the absolute timeout: %d", res.Status)
		}
	})
}

func TestLogoutAndSessionFixation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		c := k.Login("admin", testkit.AdminPassword)
		first := c.Cookie
		c.Do("POST", "/api/v1/auth/login", map[string]string{"username": "admin", "password": testkit.AdminPassword})
		if c.Cookie == first || c.Cookie == "" {
			t.Fatal("login must issue a new session id")
		}
		old := &testkit.Client{}
		*old = *c
		old.Cookie = first
		if res := old.Do("GET", "/api/v1/auth/me", nil); res.Status != 401 {
			t.Fatalf("the session presented at login must be revoked: %d", res.Status)
		}
		c.CSRF = ""
		if res := c.Do("POST", "/api/v1/auth/logout", nil); res.Status != 403 || res.ErrorCode() != "csrf.invalid" {
			t.Fatalf("logout without csrf: %d %s", res.Status, res.Body)
		}
		me := c.Do("GET", "/api/v1/auth/me", nil)
		c.CSRF = me.JSON["csrf_token"].(string)
		token := c.Cookie
		if res := c.Do("POST", "/api/v1/auth/logout", nil); res.Status != 204 || c.Cookie != "" {
			t.Fatalf("logout: %d %s (cookie %q must be cleared)", res.Status, res.Body, c.Cookie)
		}
		c.Cookie = token // a copy of the old cookie must not work either
		if res := c.Do("GET", "/api/v1/auth/me", nil); res.Status != 401 {
			t.Fatalf("after logout: %d", res.Status)
		}
	})
}

func TestLocaleIsRemembered(t *testing.T) {
	k := testkit.New(t, dbtest.SQLite(t))
	c := k.Login("admin", testkit.AdminPassword)
	res := c.Do("PATCH", "/api/v1/auth/me", map[string]string{"locale": "en"})
	if res.Status != 200 || res.JSON["user"].(map[string]any)["locale"] != "en" {
		t.Fatalf("set locale: %d %s", res.Status, res.Body)
	}
	if res := c.Do("PATCH", "/api/v1/auth/me", map[string]string{"locale": "fr"}); res.Status != 400 || res.ErrorField("locale") == "" {
		t.Fatalf("unknown locale: %d %s", res.Status, res.Body)
	}
	again := k.Login("admin", testkit.AdminPassword).Do("GET", "/api/v1/auth/me", nil)
	if again.JSON["user"].(map[string]any)["locale"] != "en" {
		t.Fatalf("locale not kept: %s", again.Body)
	}
}

func itoa(f float64) string { return strconv.FormatInt(int64(f), 10) }

func atoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}
