package db_test

import (
	"context"
	"testing"

	"huiguan/infra/db"
	"huiguan/infra/db/dbtest"
	"huiguan/infra/db/migrations"
)

func TestMigrateTwiceChangesNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		d, err := db.Open(db.Options{DSN: tg.DSN, SQLitePath: tg.SQLitePath})
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		ctx := context.Background()
		n, err := d.Migrate(ctx, migrations.All(), nil)
		if err != nil || n != len(migrations.All()) {
			t.Fatalf("first migrate applied %d, err %v", n, err)
		}
		n, err = d.Migrate(ctx, migrations.All(), nil)
		if err != nil || n != 0 {
			t.Fatalf("second migrate applied %d, err %v", n, err)
		}
		var versions []int
		d.Gorm.Table("schema_migrations").Order("version").Pluck("version", &versions)
		if len(versions) != len(migrations.All()) || versions[0] != 1 {
			t.Fatalf("recorded versions %v", versions)
		}
	})
}

func TestMigrationsMustBeOrdered(t *testing.T) {
	d, err := db.Open(db.Options{SQLitePath: dbtest.SQLite(t).SQLitePath})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	all := migrations.All()
	bad := append([]db.Migration{}, all...)
	bad = append(bad, all[0])
	if _, err := d.Migrate(context.Background(), bad, nil); err == nil {
		t.Fatal("an out-of-order migration list must be refused")
	}
}

func TestMySQLDSNForms(t *testing.T) {
	for _, dsn := range []string{"mysql://app:s3cret@db.internal:3307/assoc", "app:s3cret@tcp(db.internal:3307)/assoc"} {
		c, err := db.MySQLConfig(dsn)
		if err != nil {
			t.Fatal(err)
		}
		if c.User != "app" || c.Passwd != "s3cret" || c.Addr != "db.internal:3307" || c.DBName != "assoc" ||
			c.Params["charset"] != "utf8mb4" || !c.ParseTime || c.Loc.String() != "UTC" {
			t.Fatalf("%s → %+v", dsn, c)
		}
	}
	if c, _ := db.MySQLConfig("mysql://root@localhost/x"); c.Addr != "localhost:3306" {
		t.Fatalf("default port: %s", c.Addr)
	}
}
