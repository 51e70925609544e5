// Package db opens the database (embedded SQLite by default, MySQL/MariaDB
// when a DSN is given) and applies the versioned migrations.
package db

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	gomysql "github.com/go-sql-driver/mysql"
	"gorm.io/driver/mysql"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the database family.
type Dialect string

// Supported dialects.
const (
	SQLite Dialect = "sqlite"
	MySQL  Dialect = "mysql"
)

// Options select and tune the database.
type Options struct {
	// DSN selects MySQL/MariaDB: "mysql://user:pass@host:3306/db" or the
	// driver's own form "user:pass@tcp(host:3306)/db". Empty means SQLite.
	DSN string
	// SQLitePath is the SQLite file, used when DSN is empty.
	SQLitePath string
	// MaxOpenConns bounds the pool (MySQL).
	MaxOpenConns int
	Logger       *slog.Logger
}

// DB is an open database with its dialect.
type DB struct {
	Gorm    *gorm.DB
	Dialect Dialect
}

// Open connects and checks the connection.
func Open(opts Options) (*DB, error) {
	cfg := &gorm.Config{
		Logger:                 logger.Discard,
		NowFunc:                func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
		SkipDefaultTransaction: true, // our use cases open their own transactions
		TranslateError:         false,
	}
	if opts.DSN == "" {
		return openSQLite(opts, cfg)
	}
	return openMySQL(opts, cfg)
}

func openSQLite(opts Options, cfg *gorm.Config) (*DB, error) {
	path := opts.SQLitePath
	if path == "" {
		return nil, errors.New("db: no SQLite path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("db: create data dir: %w", err)
	}
	// WAL lets readers run beside the writer; IMMEDIATE transactions take the
	// write lock at BEGIN, so two writers queue on busy_timeout instead of
	// failing with SQLITE_BUSY half-way through. (No _time_format: this
	// driver version stops reading parameters after it, silently dropping
	// _txlock; its default time format is the one we want anyway.)
	dsn := "file:" + path + "?_pragma=busy_timeout(15000)&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	g, err := gorm.Open(sqlite.Open(dsn), cfg)
	if err != nil {
		return nil, fmt.Errorf("db: open sqlite: %w", err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(4)
	sqlDB.SetMaxIdleConns(4)
	return &DB{Gorm: g, Dialect: SQLite}, ping(g)
}

// MySQLConfig turns a DSN in either accepted form into the driver's config,
// with the settings HuiGuan relies on: utf8mb4, UTC, parsed times.
func MySQLConfig(dsn string) (*gomysql.Config, error) {
	var c *gomysql.Config
	if strings.HasPrefix(dsn, "mysql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return nil, fmt.Errorf("db: bad DSN: %w", err)
		}
		c = gomysql.NewConfig()
		c.Net = "tcp"
		c.Addr = u.Host
		if u.Port() == "" {
			c.Addr = u.Host + ":3306"
		}
		c.DBName = strings.TrimPrefix(u.Path, "/")
		if u.User != nil {
			c.User = u.User.Username()
			c.Passwd, _ = u.User.Password()
		}
		for k, v := range u.Query() {
			c.Params = mergeParam(c.Params, k, v[0])
		}
	} else {
		var err error
		if c, err = gomysql.ParseDSN(dsn); err != nil {
			return nil, fmt.Errorf("db: bad DSN: %w", err)
		}
	}
	c.ParseTime = true
	c.Loc = time.UTC
	c.Collation = "utf8mb4_unicode_ci"
	c.Params = mergeParam(c.Params, "charset", "utf8mb4")
	c.Params = mergeParam(c.Params, "time_zone", "'+00:00'")
	c.MultiStatements = false
	if c.Timeout == 0 {
		c.Timeout = 5 * time.Second
	}
	return c, nil
}

func mergeParam(p map[string]string, k, v string) map[string]string {
	if p == nil {
		p = map[string]string{}
	}
	if _, ok := p[k]; !ok {
		p[k] = v
	}
	return p
}

func openMySQL(opts Options, cfg *gorm.Config) (*DB, error) {
	c, err := MySQLConfig(opts.DSN)
	if err != nil {
		return nil, err
	}
	// Microsecond datetimes: the audit chain hashes times at that precision,
	// and GORM's default of milliseconds would change them on the way in.
	precision := 6
	g, err := gorm.Open(mysql.New(mysql.Config{DSN: c.FormatDSN(), DefaultStringSize: 191, DefaultDatetimePrecision: &precision}), cfg)
	if err != nil {
		return nil, fmt.Errorf("db: open mysql: %w", err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, err
	}
	n := opts.MaxOpenConns
	if n <= 0 {
		n = 32
	}
	sqlDB.SetMaxOpenConns(n)
	sqlDB.SetMaxIdleConns(n)
	sqlDB.SetConnMaxLifetime(30 * time.Minute)
	return &DB{Gorm: g, Dialect: MySQL}, ping(g)
}

func ping(g *gorm.DB) error {
	sqlDB, err := g.DB()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(ctx); err != nil {
		return fmt.Errorf("db: ping: %w", err)
	}
	return nil
}

// Ping checks that the database answers; /readyz uses it.
func (d *DB) Ping(ctx context.Context) error {
	sqlDB, err := d.Gorm.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

// Close releases the pool.
func (d *DB) Close() error {
	sqlDB, err := d.Gorm.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}
