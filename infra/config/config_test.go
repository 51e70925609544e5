package config_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"huiguan/infra/config"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDefaultsFromTheEmbeddedFile(t *testing.T) {
	c, err := config.Load("", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Server.Addr != ":8080" || c.DataDir != "./data" || c.Session.IdleTimeout != 30*time.Minute ||
		c.Login.MaxFailures != 5 || c.Login.LockFor != 15*time.Minute || c.Rules.MaxConsecutiveTermsFullTime != 2 ||
		c.Rules.LargeEventThreshold != 1000 || c.Rules.FeeMainUseShare != 0.5 || c.Rules.RecordReviewMonths != 12 {
		t.Fatalf("defaults: %+v", c)
	}
}

func TestEnvironmentAndFileOverride(t *testing.T) {
	f := filepath.Join(t.TempDir(), "h.yaml")
	if err := os.WriteFile(f, []byte("rules:\n  large_event_threshold: 500\nsession:\n  idle_timeout: 10m\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(f, env(map[string]string{"HUIGUAN_ADDR": "127.0.0.1:9000", "HUIGUAN_DATA_DIR": "/srv/hg", "HUIGUAN_ADMIN_PASSWORD": "pw"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Server.Addr != "127.0.0.1:9000" || c.DataDir != "/srv/hg" || c.Rules.LargeEventThreshold != 500 ||
		c.Session.IdleTimeout != 10*time.Minute || c.AdminPassword != "pw" || c.Rules.MaxConsecutiveTermsFullTime != 2 {
		t.Fatalf("overrides: %+v", c)
	}
}

func TestInvalidValuesAreRefused(t *testing.T) {
	for name, yaml := range map[string]string{
		"share above one": "rules:\n  fee_main_use_share: 1.5\n",
		"zero threshold":  "rules:\n  large_event_threshold: 0\n",
		"bad deadline":    "rules:\n  fee_disclosure_deadline: \"June 30\"\n",
		"idle > absolute": "session:\n  idle_timeout: 24h\n",
	} {
		f := filepath.Join(t.TempDir(), "h.yaml")
		_ = os.WriteFile(f, []byte(yaml), 0o600)
		if _, err := config.Load(f, env(nil)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
