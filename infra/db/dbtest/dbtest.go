// Package dbtest gives each test its own fresh, migrated database: SQLite
// always, and MySQL/MariaDB as well when HUIGUAN_TEST_MYSQL_DSN is set
// (e.g. mysql://root@127.0.0.1:3306/huiguan_test — a new database named
// after it is created per test and dropped afterwards).
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/go-sql-driver/mysql" // the "mysql" database/sql driver

	"huiguan/infra/db"
	"huiguan/infra/db/migrations"
)

// EnvMySQL names the variable holding the MariaDB test server's DSN.
const EnvMySQL = "HUIGUAN_TEST_MYSQL_DSN"

// Target is one database a test runs against.
type Target struct {
	Name       string // "sqlite" or "mysql"
	DSN        string // MySQL DSN; empty for SQLite
	SQLitePath string
	DataDir    string
}

// Each runs fn once per available database, as subtests, each with a fresh
// empty database (not yet migrated: Open migrates it).
func Each(t *testing.T, fn func(t *testing.T, tg Target)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	if base := mysqlBase(); base != "" {
		t.Run("mysql", func(t *testing.T) { fn(t, MySQL(t)) })
	}
}

// HasMySQL reports whether MySQL tests run.
func HasMySQL() bool { return mysqlBase() != "" }

func mysqlBase() string {
	return strings.TrimSpace(os.Getenv(EnvMySQL))
}

// SQLite returns a target in a fresh temporary directory.
func SQLite(t testing.TB) Target {
	dir := t.TempDir()
	return Target{Name: "sqlite", SQLitePath: filepath.Join(dir, "huiguan.db"), DataDir: dir}
}

// MySQL creates a fresh database on the test server and drops it when the
// test ends. It fails the test when the server cannot be reached: a DSN was
// given, so the MySQL run was asked for.
func MySQL(t testing.TB) Target {
	t.Helper()
	cfg, err := db.MySQLConfig(mysqlBase())
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	name := cfg.DBName
	if name == "" {
		name = "huiguan_test"
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name = name + "_" + hex.EncodeToString(b)
	admin := cfg.Clone()
	admin.DBName = ""
	conn, err := sql.Open("mysql", admin.FormatDSN())
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	defer conn.Close()
	if _, err := conn.Exec("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"); err != nil {
		t.Fatalf("dbtest: create database: %v", err)
	}
	t.Cleanup(func() {
		c, err := sql.Open("mysql", admin.FormatDSN())
		if err == nil {
			_, _ = c.Exec("DROP DATABASE IF EXISTS `" + name + "`")
			c.Close()
		}
	})
	own := cfg.Clone()
	own.DBName = name
	return Target{Name: "mysql", DSN: own.FormatDSN(), DataDir: t.TempDir()}
}

// Open opens and migrates the target's database; it closes at test end.
func (tg Target) Open(t testing.TB) *db.DB {
	t.Helper()
	d, err := db.Open(db.Options{DSN: tg.DSN, SQLitePath: tg.SQLitePath, MaxOpenConns: 16})
	if err != nil {
		t.Fatalf("dbtest: open %s: %v", tg.Name, err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(context.Background(), migrations.All(), nil); err != nil {
		t.Fatalf("dbtest: migrate %s: %v", tg.Name, err)
	}
	return d
}
