package api_test

import (
	"testing"

	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

func TestUserAdministration(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		admin := k.Login("admin", testkit.AdminPassword)
		body := map[string]any{"username": "Li.Na", "password": "0123456789ab", "display_name": "李娜", "roles": []string{"finance", "board"}}
		res := admin.Do("POST", "/api/v1/users", body)
		if res.Status != 201 || res.JSON["username"] != "li.na" || res.JSON["clearance"].(float64) != 3 {
			t.Fatalf("create: %d %s", res.Status, res.Body)
		}
		id := itoa(res.JSON["id"].(float64))
		if dup := admin.Do("POST", "/api/v1/users", body); dup.Status != 409 || dup.ErrorCode() != "user.username_taken" || dup.ErrorField("username") == "" {
			t.Fatalf("duplicate: %d %s", dup.Status, dup.Body)
		}
		// Linking staff to a member unit is refused; the registry is not wired yet.
		if r := admin.Do("PATCH", "/api/v1/users/"+id, map[string]any{"member_id": 5}); r.Status != 400 || r.ErrorField("member_id") == "" {
			t.Fatalf("link unknown unit: %d %s", r.Status, r.Body)
		}
		r := admin.Do("PATCH", "/api/v1/users/"+id, map[string]any{"roles": []string{"secretariat"}, "display_name": "李娜（秘书处）"})
		if r.Status != 200 || r.JSON["roles"].([]any)[0] != "secretariat" || r.JSON["clearance"].(float64) != 2 {
			t.Fatalf("update: %d %s", r.Status, r.Body)
		}
		// The audit trail has the change with before and after, never the hash.
		a := admin.Do("GET", "/api/v1/audit?entity=user&entity_id="+id+"&action=user.update", nil)
		items := a.JSON["items"].([]any)
		if len(items) != 1 {
			t.Fatalf("audit entries: %s", a.Body)
		}
		e := items[0].(map[string]any)
		if e["actor_name"] != "admin" || e["before"].(map[string]any)["display_name"] != "李娜" ||
			e["after"].(map[string]any)["display_name"] != "李娜（秘书处）" || e["request_id"] == "" {
			t.Fatalf("audit entry: %v", e)
		}
		if _, leaked := e["after"].(map[string]any)["password_hash"]; leaked {
			t.Fatal("audit must not hold password hashes")
		}
		// Reset the password: old sessions end, the new password works.
		li := k.Login("li.na", "0123456789ab")
		if r := admin.Do("PATCH", "/api/v1/users/"+id, map[string]any{"password": "a-new-password"}); r.Status != 200 {
			t.Fatalf("reset: %d %s", r.Status, r.Body)
		}
		if r := li.Do("GET", "/api/v1/auth/me", nil); r.Status != 401 {
			t.Fatalf("session after reset: %d", r.Status)
		}
		k.Login("li.na", "a-new-password")
		// Admins cannot lock themselves out.
		if r := admin.Do("PATCH", "/api/v1/users/1", map[string]any{"disabled": true}); r.Status != 422 || r.ErrorCode() != "user.cannot_disable_self" {
			t.Fatalf("self-disable: %d %s", r.Status, r.Body)
		}
		if r := admin.Do("PATCH", "/api/v1/users/1", map[string]any{"roles": []string{"finance"}}); r.Status != 422 {
			t.Fatalf("drop own admin: %d %s", r.Status, r.Body)
		}
		if r := admin.Do("PATCH", "/api/v1/users/999", map[string]any{"disabled": true}); r.Status != 404 || r.ErrorCode() != "user.not_found" {
			t.Fatalf("unknown user: %d %s", r.Status, r.Body)
		}
		// Search, role filter and paging.
		for _, u := range []string{"zhang.san", "zhang.si", "wang.wu"} {
			k.CreateUser(u, "member")
		}
		l := admin.Do("GET", "/api/v1/users?q=zhang&page_size=1&sort=username", nil)
		if l.JSON["total"].(float64) != 2 || len(l.JSON["items"].([]any)) != 1 || l.JSON["items"].([]any)[0].(map[string]any)["username"] != "zhang.san" {
			t.Fatalf("search: %s", l.Body)
		}
		if l := admin.Do("GET", "/api/v1/users?role=member", nil); l.JSON["total"].(float64) != 3 {
			t.Fatalf("role filter: %s", l.Body)
		}
		if l := admin.Do("GET", "/api/v1/users?q=100%25", nil); l.JSON["total"].(float64) != 0 {
			t.Fatalf("a %% in the search must match literally: %s", l.Body)
		}
	})
}
