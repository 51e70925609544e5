// Package config loads HuiGuan's configuration: the embedded defaults, then
// an optional file, then HUIGUAN_* environment variables. The result is
// validated once; nothing reads the environment after start-up.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"gopkg.in/yaml.v3"

	"huiguan/configs"
	"huiguan/domain/credit"
)

// Config is the validated configuration.
type Config struct {
	Server struct {
		Addr             string   `yaml:"addr"`
		BodyLimitBytes   int      `yaml:"body_limit_bytes"`
		UploadLimitBytes int      `yaml:"upload_limit_bytes"`
		TrustedProxies   []string `yaml:"trusted_proxies"`
	} `yaml:"server"`
	DataDir  string `yaml:"data_dir"`
	Database struct {
		DSN          string `yaml:"dsn"`
		MaxOpenConns int    `yaml:"max_open_conns"`
	} `yaml:"database"`
	Session struct {
		IdleTimeout     time.Duration `yaml:"idle_timeout"`
		AbsoluteTimeout time.Duration `yaml:"absolute_timeout"`
		CookieSecure    bool          `yaml:"cookie_secure"`
	} `yaml:"session"`
	Login struct {
		MaxFailures   int           `yaml:"max_failures"`
		LockFor       time.Duration `yaml:"lock_for"`
		IPMaxFailures int           `yaml:"ip_max_failures"`
		IPWindow      time.Duration `yaml:"ip_window"`
	} `yaml:"login"`
	Jobs struct {
		Enabled            bool   `yaml:"enabled"`
		FindingsRecheck    string `yaml:"findings_recheck"`
		SessionPurge       string `yaml:"session_purge"`
		BillsGenerate      string `yaml:"bills_generate"`
		ArrearsReminder    string `yaml:"arrears_reminder"`
		AnonymiseAttendees string `yaml:"anonymise_attendees"`
		CreditExpire       string `yaml:"credit_expire"`
	} `yaml:"jobs"`
	Rules  Rules        `yaml:"rules"`
	Credit CreditConfig `yaml:"credit"`
	// AdminPassword is the first administrator's password (env only).
	AdminPassword string `yaml:"-"`
}

// CreditConfig is the association's credit-list rules (rules.md A13) and
// the effects of the black list.
type CreditConfig struct {
	Lists []struct {
		List           string `yaml:"list"`
		Criteria       string `yaml:"criteria"`
		DecidingBody   string `yaml:"deciding_body"`
		ValidityMonths int    `yaml:"validity_months"`
		Public         bool   `yaml:"public"`
		AppealDays     int    `yaml:"appeal_days"`
	} `yaml:"lists"`
	BlockEventRegistration bool `yaml:"block_event_registration"`
	BlockLeadership        bool `yaml:"block_leadership"`
}

// CreditRules converts the configured list rules.
func (c *Config) CreditRules() []credit.Rule {
	out := make([]credit.Rule, 0, len(c.Credit.Lists))
	for _, l := range c.Credit.Lists {
		out = append(out, credit.Rule{List: credit.List(l.List), Criteria: l.Criteria, DecidingBody: l.DecidingBody,
			ValidityMonths: l.ValidityMonths, Public: l.Public, AppealDays: l.AppealDays})
	}
	return out
}

// Rules are the parameters the standard leaves open (rules.md §0).
type Rules struct {
	MaxConsecutiveTermsFullTime int     `yaml:"max_consecutive_terms_fulltime"`
	LargeEventThreshold         int     `yaml:"large_event_threshold"`
	FeeDisclosureDeadline       string  `yaml:"fee_disclosure_deadline"`
	FeeDueMonthDay              string  `yaml:"fee_due"`
	FeeMainUseShare             float64 `yaml:"fee_main_use_share"`
	WithdrawalMaxDays           int     `yaml:"withdrawal_max_days"`
	RecordReviewMonths          int     `yaml:"record_review_months"`
	EvaluationIntervalMonths    int     `yaml:"evaluation_interval_months"`
	FilingWarnDays              int     `yaml:"filing_warn_days"`
	ElectionWarnDays            int     `yaml:"election_warn_days"`
	AttendeeRetentionDays       int     `yaml:"attendee_retention_days"`
	RiskReviewDays              int     `yaml:"risk_review_days"`
	DocStaleMonths              int     `yaml:"doc_stale_months"`
	PerfEvalGraceDays           int     `yaml:"perf_eval_grace_days"`
	ImprovementTriggerScore     int     `yaml:"improvement_trigger_score"`
}

// Load reads the defaults, the file at path (if not empty) and the
// environment, and validates the result.
func Load(path string, getenv func(string) string) (Config, error) {
	var c Config
	if err := yaml.Unmarshal(configs.DefaultYAML, &c); err != nil {
		return c, fmt.Errorf("config: embedded defaults: %w", err)
	}
	if path == "" {
		path = getenv("HUIGUAN_CONFIG")
	}
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return c, fmt.Errorf("config: %w", err)
		}
		if err := yaml.Unmarshal(b, &c); err != nil {
			return c, fmt.Errorf("config: %s: %w", path, err)
		}
	}
	if v := getenv("HUIGUAN_ADDR"); v != "" {
		c.Server.Addr = v
	}
	if v := getenv("HUIGUAN_DATA_DIR"); v != "" {
		c.DataDir = v
	}
	if v := getenv("HUIGUAN_DB_DSN"); v != "" {
		c.Database.DSN = v
	}
	if v := getenv("HUIGUAN_JOBS"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("config: HUIGUAN_JOBS: %w", err)
		}
		c.Jobs.Enabled = b
	}
	if v := getenv("HUIGUAN_COOKIE_SECURE"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("config: HUIGUAN_COOKIE_SECURE: %w", err)
		}
		c.Session.CookieSecure = b
	}
	c.AdminPassword = getenv("HUIGUAN_ADMIN_PASSWORD")
	return c, c.Validate()
}

// Validate checks the values that would otherwise fail later and obscurely.
func (c *Config) Validate() error {
	switch {
	case c.Server.Addr == "":
		return fmt.Errorf("config: server.addr is empty")
	case c.DataDir == "":
		return fmt.Errorf("config: data_dir is empty")
	case c.Server.BodyLimitBytes < 1024:
		return fmt.Errorf("config: server.body_limit_bytes below 1024")
	case c.Server.UploadLimitBytes < c.Server.BodyLimitBytes:
		return fmt.Errorf("config: server.upload_limit_bytes below body_limit_bytes")
	case c.Session.IdleTimeout <= 0 || c.Session.AbsoluteTimeout < c.Session.IdleTimeout:
		return fmt.Errorf("config: session timeouts must be positive and absolute ≥ idle")
	case c.Login.MaxFailures < 1 || c.Login.LockFor <= 0 || c.Login.IPWindow <= 0:
		return fmt.Errorf("config: login throttling values must be positive")
	case c.Rules.MaxConsecutiveTermsFullTime < 1:
		return fmt.Errorf("config: rules.max_consecutive_terms_fulltime below 1")
	case c.Rules.LargeEventThreshold < 1:
		return fmt.Errorf("config: rules.large_event_threshold below 1")
	case c.Rules.FeeMainUseShare <= 0 || c.Rules.FeeMainUseShare > 1:
		return fmt.Errorf("config: rules.fee_main_use_share must be in (0, 1]")
	}
	if _, err := time.Parse("01-02", c.Rules.FeeDisclosureDeadline); err != nil {
		return fmt.Errorf("config: rules.fee_disclosure_deadline must be MM-DD")
	}
	for _, l := range c.Credit.Lists {
		if _, err := credit.ParseList(l.List); err != nil || l.ValidityMonths < 1 || l.AppealDays < 1 {
			return fmt.Errorf("config: credit.lists: %q needs a known list, validity_months ≥ 1 and appeal_days ≥ 1", l.List)
		}
	}
	if _, err := time.Parse("01-02", c.Rules.FeeDueMonthDay); err != nil {
		return fmt.Errorf("config: rules.fee_due must be MM-DD")
	}
	return nil
}

// SQLitePath is the embedded database file.
func (c *Config) SQLitePath() string { return filepath.Join(c.DataDir, "huiguan.db") }
