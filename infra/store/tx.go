// Package store implements the app's repositories with GORM. GORM records
// live here only; each repository maps them to and from domain types.
package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"net"
	"strings"

	gomysql "github.com/go-sql-driver/mysql"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"huiguan/domain/errs"
	"huiguan/infra/db"
)

type txKey struct{}

// Store is the shared handle of every repository: the database and the
// transaction manager that puts a transaction into the context.
type Store struct {
	db      *gorm.DB
	dialect db.Dialect
}

// New wraps an open database.
func New(d *db.DB) *Store { return &Store{db: d.Gorm, dialect: d.Dialect} }

// Do runs fn in a transaction, or joins the transaction already in ctx.
func (s *Store) Do(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return fn(context.WithValue(ctx, txKey{}, tx))
	})
	return translate(err)
}

// conn returns the transaction in ctx, or the pool.
func (s *Store) conn(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx
	}
	return s.db.WithContext(ctx)
}

// forUpdate locks the selected rows until the transaction ends. SQLite has
// no row locks; its IMMEDIATE transactions already hold the write lock.
func (s *Store) forUpdate(q *gorm.DB) *gorm.DB {
	if s.dialect == db.MySQL {
		return q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	return q
}

// translate maps storage errors to the error vocabulary. Typed errors pass
// through; duplicates become conflicts; lost connections become 503s.
func translate(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := errs.As(err); ok {
		return err
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return &errs.Error{Kind: errs.ErrNotFound, Code: "not_found", Detail: err.Error()}
	}
	if isDuplicate(err) {
		return &errs.Error{Kind: errs.ErrConflict, Code: "conflict.duplicate", Detail: err.Error()}
	}
	if isUnavailable(err) {
		return errs.Unavailable(err)
	}
	return err
}

func isDuplicate(err error) bool {
	var me *gomysql.MySQLError
	if errors.As(err, &me) {
		return me.Number == 1062
	}
	return strings.Contains(err.Error(), "UNIQUE constraint failed")
}

func isUnavailable(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, driver.ErrBadConn) || errors.Is(err, gomysql.ErrInvalidConn) {
		return true
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "database is locked") ||
		strings.Contains(msg, "bad connection") || strings.Contains(msg, "sql: database is closed")
}

// Ping checks the pool; the API's readiness probe calls it.
func (s *Store) Ping(ctx context.Context) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

// Dialect is the database family.
func (s *Store) Dialect() db.Dialect { return s.dialect }

func isNotFound(err error) bool { return errors.Is(err, errs.ErrNotFound) }
