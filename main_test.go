package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"huiguan/infra/db"
	"huiguan/infra/db/dbtest"
)

func cli(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String() + errOut.String()
}

func targetArgs(tg dbtest.Target) []string {
	if tg.DSN != "" {
		return []string{"--data-dir", tg.DataDir, "--db-dsn", tg.DSN}
	}
	return []string{"--data-dir", tg.DataDir}
}

func TestCommandLine(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		at := targetArgs(tg)
		if code, out := cli(t, append([]string{"migrate"}, at...)...); code != 0 || !strings.Contains(out, "database migrated") {
			t.Fatalf("migrate: %d %s", code, out)
		}
		code, out := cli(t, append([]string{"user", "create", "--username", "ops", "--role", "admin,supervisor"}, at...)...)
		if code != 0 || !strings.Contains(out, "user ops created") || !strings.Contains(out, "password: ") {
			t.Fatalf("user create: %d %s", code, out)
		}
		if code, out := cli(t, append([]string{"user", "create", "--username", "ops", "--role", "admin"}, at...)...); code == 0 {
			t.Fatalf("duplicate user create succeeded: %s", out)
		}
		if code, out := cli(t, append([]string{"user", "create", "--username", "x1", "--role", "root"}, at...)...); code == 0 {
			t.Fatalf("unknown role accepted: %s", out)
		}
		if code, out := cli(t, append([]string{"audit", "verify"}, at...)...); code != 0 || !strings.Contains(out, "audit chain intact: 1 entries") {
			t.Fatalf("verify: %d %s", code, out)
		}
		if code, out := cli(t, append([]string{"demo"}, at...)...); code != 0 || strings.Count(out, "HuiGuan-demo-2026") < 6 {
			t.Fatalf("demo on a database with one operator account: %d %s", code, out)
		}
		if code, out := cli(t, append([]string{"demo"}, at...)...); code == 0 || !strings.Contains(out, "already has data") {
			t.Fatalf("second demo: %d %s", code, out)
		}

		// Tamper with a stored entry: verify exits 1 naming it.
		d, err := db.Open(db.Options{DSN: tg.DSN, SQLitePath: filepath.Join(tg.DataDir, "huiguan.db")})
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if err := d.Gorm.Exec("UPDATE audit_entries SET actor_name = 'mallory' WHERE seq = 2").Error; err != nil {
			t.Fatal(err)
		}
		code, out = cli(t, append([]string{"audit", "verify"}, at...)...)
		if code != 1 || !strings.Contains(out, "BROKEN at entry seq 2") {
			t.Fatalf("tampered verify: %d %s", code, out)
		}
	})
}

func TestUsage(t *testing.T) {
	if code, out := cli(t); code != 2 || !strings.Contains(out, "usage: huiguan") {
		t.Fatalf("no args: %d %s", code, out)
	}
	if code, _ := cli(t, "frobnicate", "--data-dir", t.TempDir()); code != 2 {
		t.Fatalf("unknown command: %d", code)
	}
}
