package db

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"gorm.io/gorm"
)

// Migration is one forward-only schema step. Up runs inside a transaction
// where the database allows it (MySQL commits DDL implicitly, so each step
// must be safe to re-run after a crash between its DDL and its record:
// steps check with HasTable/HasIndex before creating).
type Migration struct {
	Version int
	Name    string
	Up      func(tx *gorm.DB, d Dialect) error
}

type schemaMigration struct {
	Version   int    `gorm:"primaryKey;autoIncrement:false"`
	Name      string `gorm:"size:191;not null"`
	AppliedAt time.Time
}

func (schemaMigration) TableName() string { return "schema_migrations" }

// Migrate applies every migration not yet recorded, in version order, and
// returns how many it applied. A second run applies none.
func (d *DB) Migrate(ctx context.Context, migrations []Migration, log *slog.Logger) (int, error) {
	g := d.Gorm.WithContext(ctx)
	unlock, err := d.lock(ctx, "huiguan_migrate")
	if err != nil {
		return 0, err
	}
	defer unlock()
	if err := g.Migrator().AutoMigrate(&schemaMigration{}); err != nil {
		return 0, fmt.Errorf("migrate: bookkeeping table: %w", err)
	}
	var done []int
	if err := g.Model(&schemaMigration{}).Pluck("version", &done).Error; err != nil {
		return 0, fmt.Errorf("migrate: read versions: %w", err)
	}
	applied := map[int]bool{}
	for _, v := range done {
		applied[v] = true
	}
	n := 0
	last := 0
	for _, m := range migrations {
		if m.Version <= last {
			return n, fmt.Errorf("migrate: versions out of order at %d", m.Version)
		}
		last = m.Version
		if applied[m.Version] {
			continue
		}
		err := g.Transaction(func(tx *gorm.DB) error {
			if err := m.Up(tx, d.Dialect); err != nil {
				return err
			}
			return tx.Create(&schemaMigration{Version: m.Version, Name: m.Name, AppliedAt: time.Now().UTC()}).Error
		})
		if err != nil {
			return n, fmt.Errorf("migrate: %04d %s: %w", m.Version, m.Name, err)
		}
		if log != nil {
			log.Info("migration applied", "version", m.Version, "name", m.Name)
		}
		n++
	}
	return n, nil
}

// lock serialises migrations of several instances starting together. SQLite
// needs none: its IMMEDIATE transactions already queue writers.
func (d *DB) lock(ctx context.Context, name string) (func(), error) {
	if d.Dialect != MySQL {
		return func() {}, nil
	}
	sqlDB, err := d.Gorm.DB()
	if err != nil {
		return nil, err
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: lock connection: %w", err)
	}
	var got int
	if err := conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, 120)", name).Scan(&got); err != nil || got != 1 {
		conn.Close()
		return nil, fmt.Errorf("migrate: could not take the migration lock (%v)", err)
	}
	return func() {
		_, _ = conn.ExecContext(context.Background(), "SELECT RELEASE_LOCK(?)", name)
		conn.Close()
	}, nil
}

// CreateTables creates each table that does not exist yet; migrations use it
// with frozen structs that describe the schema as of their version.
func CreateTables(tx *gorm.DB, models ...any) error {
	for _, m := range models {
		if tx.Migrator().HasTable(m) {
			continue
		}
		if err := tx.Migrator().CreateTable(m); err != nil {
			return err
		}
	}
	return nil
}
