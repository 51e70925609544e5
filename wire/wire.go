// Package wire is HuiGuan's composition root: it builds every dependency
// once, in order, from the configuration. main and the end-to-end tests use it.
package wire

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"huiguan/api"
	"huiguan/app"
	"huiguan/app/audit"
	appconsult "huiguan/app/consult"
	appcredit "huiguan/app/credit"
	appevent "huiguan/app/event"
	appfee "huiguan/app/fee"
	"huiguan/app/finding"
	appfinding "huiguan/app/finding"
	appgov "huiguan/app/governance"
	"huiguan/app/identity"
	"huiguan/app/member"
	appscore "huiguan/app/scorecard"
	"huiguan/configs"
	domainidentity "huiguan/domain/identity"
	"huiguan/frontend"
	"huiguan/infra/config"
	"huiguan/infra/db"
	"huiguan/infra/db/migrations"
	"huiguan/infra/excel"
	"huiguan/infra/jobs"
	"huiguan/infra/rbac"
	"huiguan/infra/secure"
	"huiguan/infra/store"
)

// System holds every dependency of a running HuiGuan.
type System struct {
	Cfg      config.Config
	Log      *slog.Logger
	DB       *db.DB
	Store    *store.Store
	Clock    app.Clock
	Audit    *audit.Log
	Identity *identity.Service
	Findings *finding.Service
	Enforcer *rbac.Enforcer
	JobRepo  *store.Jobs
	Members  *member.Service
	// Scorecard is the capability scorecard.
	Scorecard *appscore.Service
	// Consulting is consulting services and projects.
	Consulting *appconsult.Service
	// Credit is the credit lists.
	Credit *appcredit.Service
	// Events are events and exhibitions.
	Events *appevent.Service
	// Fees are the dues.
	Fees *appfee.Service
	// Governance is the governance register.
	Governance *appgov.Service
	// Cipher encrypts confidential columns (bulk loaders need it).
	Cipher *secure.Cipher
	// memberDeps let MembersAt build the registry on another clock.
	memberDeps member.Deps
}

// MembersAt is the member registry acting at the times of clock: the demo
// loads years of history through the same use cases.
func (s *System) MembersAt(clock app.Clock) *member.Service {
	d := s.memberDeps
	d.Clock = clock
	return member.NewService(d)
}

// Options adjust the system for tests.
type Options struct {
	Clock      app.Clock // nil: the system clock
	BcryptCost int       // 0: bcrypt's default
}

// Open connects to the database, migrates it and builds the services;
// every subcommand and test starts here.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger, o Options) (*System, error) {
	d, err := db.Open(db.Options{DSN: cfg.Database.DSN, SQLitePath: cfg.SQLitePath(), MaxOpenConns: cfg.Database.MaxOpenConns})
	if err != nil {
		return nil, err
	}
	if _, err := d.Migrate(ctx, migrations.All(), log); err != nil {
		d.Close()
		return nil, err
	}
	st := store.New(d)
	policies := store.NewPolicies(st)
	rules, err := rbac.ParsePolicy(configs.Policy)
	if err != nil {
		d.Close()
		return nil, err
	}
	if added, removed, err := policies.SyncDefaults(ctx, rules); err != nil {
		d.Close()
		return nil, err
	} else if added+removed > 0 {
		log.Info("default policy synced", "added", added, "removed", removed)
	}
	enforcer, err := rbac.New(configs.RBACModel, policies)
	if err != nil {
		d.Close()
		return nil, err
	}
	var clock app.Clock = app.SystemClock{}
	if o.Clock != nil {
		clock = o.Clock
	}
	auditLog := audit.NewLog(store.NewAudit(st), st, clock)
	ids, err := identity.NewService(identity.Deps{
		Users: store.NewUsers(st), Sessions: store.NewSessions(st), Throttle: store.NewThrottle(st),
		Hasher: secure.Bcrypt{Cost: o.BcryptCost}, Tokens: secure.Tokens{}, Audit: auditLog, Tx: st, Clock: clock,
		Policy: identity.Policy{
			IdleTimeout: cfg.Session.IdleTimeout, AbsoluteTimeout: cfg.Session.AbsoluteTimeout,
			Login:         domainidentity.LoginPolicy{MaxFailures: cfg.Login.MaxFailures, LockFor: cfg.Login.LockFor},
			IPMaxFailures: cfg.Login.IPMaxFailures, IPWindow: cfg.Login.IPWindow,
		},
	})
	if err != nil {
		d.Close()
		return nil, err
	}
	key, err := secure.LoadDataKey(os.Getenv("HUIGUAN_DATA_KEY"), cfg.DataDir)
	if err != nil {
		d.Close()
		return nil, err
	}
	fieldCipher, err := secure.NewCipher(key)
	if err != nil {
		d.Close()
		return nil, err
	}
	findings := finding.NewService(store.NewFindings(st), auditLog, st, clock)
	memberDeps := member.Deps{
		Tiers: store.NewTiers(st), Members: store.NewMembers(st, fieldCipher), Requests: store.NewChangeRequests(st, fieldCipher),
		Settings: store.NewSettings(st), Locks: store.NewLocks(st), Audit: auditLog, Tx: st, Clock: clock,
		Policy: member.Policy{ReviewMonths: cfg.Rules.RecordReviewMonths}, Findings: findings,
	}
	members := member.NewService(memberDeps)
	ids.SetMemberUnits(members)
	if err := findings.Register(finding.Check{
		RuleID: member.RuleReviewDue, Clause: "8.1.2.4", Module: "member",
		Evaluate: members.ReviewDueViolations, EvaluateObject: members.ReviewDueViolation,
	}); err != nil {
		d.Close()
		return nil, err
	}
	governance := appgov.NewService(appgov.Deps{
		Store: store.NewGovernance(st), Members: members, Audit: auditLog, Tx: st, Clock: clock, Findings: findings,
		Policy: appgov.Policy{MaxConsecutiveTerms: cfg.Rules.MaxConsecutiveTermsFullTime, ElectionWarnDays: cfg.Rules.ElectionWarnDays},
	})
	members.SetDecisions(governance)
	fees := appfee.NewService(appfee.Deps{
		Store: store.NewFees(st), Registry: members, Decisions: governance, Locks: store.NewLocks(st), Settings: store.NewSettings(st),
		Audit: auditLog, Tx: st, Clock: clock, Findings: findings,
		Policy: appfee.Policy{DueMonthDay: cfg.Rules.FeeDueMonthDay, DisclosureDeadline: cfg.Rules.FeeDisclosureDeadline,
			MainUseShareBP: int64(cfg.Rules.FeeMainUseShare*10000 + 0.5)},
	})
	events := appevent.NewService(appevent.Deps{
		Store: store.NewEvents(st, fieldCipher), Members: members, Audit: auditLog, Tx: st, Clock: clock, Findings: findings,
		Policy: appevent.Policy{LargeThreshold: cfg.Rules.LargeEventThreshold, FilingWarnDays: cfg.Rules.FilingWarnDays,
			RetentionDays: cfg.Rules.AttendeeRetentionDays},
	})
	creditSvc := appcredit.NewService(appcredit.Deps{
		Store: store.NewCredit(st), Registry: members, Audit: auditLog, Tx: st, Clock: clock, Findings: findings,
		Rules: cfg.CreditRules(), Effects: appcredit.Effects{BlockEventRegistration: cfg.Credit.BlockEventRegistration, BlockLeadership: cfg.Credit.BlockLeadership},
	})
	consulting := appconsult.NewService(appconsult.Deps{Store: store.NewConsulting(st), Scope: governance, Locks: store.NewLocks(st),
		Audit: auditLog, Tx: st, Clock: clock, GraceDays: cfg.Rules.PerfEvalGraceDays, Findings: findings})
	events.SetCredit(creditSvc)
	governance.SetCredit(creditSvc)
	checks := append(fees.Checks(), events.Checks()...)
	checks = append(checks, consulting.Checks()...)
	checks = append(checks, appfinding.Check{RuleID: appcredit.RuleTimely, Clause: "8.4.1.5", Module: "credit", Evaluate: creditSvc.TimelyViolations})
	for _, c := range checks {
		if err := findings.Register(c); err != nil {
			d.Close()
			return nil, err
		}
	}
	for _, c := range governance.Checks() {
		if err := findings.Register(c); err != nil {
			d.Close()
			return nil, err
		}
	}
	catalogue, err := appscore.ParseCatalogue(configs.Indicators)
	if err != nil {
		d.Close()
		return nil, err
	}
	scorecard := appscore.NewService(appscore.Deps{Catalogue: catalogue, Facts: store.NewScorecardFacts(st), Store: store.NewRounds(st),
		Audit: auditLog, Tx: st, Clock: clock, Policy: appscore.Policy{ReviewMonths: cfg.Rules.RecordReviewMonths,
			RetentionDays: cfg.Rules.AttendeeRetentionDays, DisclosureDeadline: cfg.Rules.FeeDisclosureDeadline, TriggerScore: cfg.Rules.ImprovementTriggerScore}})
	return &System{
		Scorecard:  scorecard,
		Consulting: consulting,
		Credit:     creditSvc,
		Events:     events,
		Fees:       fees,
		Governance: governance,
		Cfg:        cfg, Log: log, DB: d, Store: st, Clock: clock, Audit: auditLog, Identity: ids,
		Findings: findings, Enforcer: enforcer, JobRepo: store.NewJobs(st), Members: members, memberDeps: memberDeps, Cipher: fieldCipher,
	}, nil
}

// Close releases the database.
func (s *System) Close() error { return s.DB.Close() }

// Server builds the HTTP server.
func (s *System) Server() *api.Server {
	return api.New(api.Deps{
		Log: s.Log, Identity: s.Identity, Audit: s.Audit, Findings: s.Findings, JobRuns: s.JobRepo, Members: s.Members, Governance: s.Governance, Fees: s.Fees, Events: s.Events, Credit: s.Credit, Consulting: s.Consulting, Scorecard: s.Scorecard,
		Sheets:     excel.Sheets{},
		Authorizer: s.Enforcer, DB: s.Store, Limiter: store.NewThrottle(s.Store), Static: spa(frontend.Dist()),
		Options: api.Options{
			BodyLimit: s.Cfg.Server.BodyLimitBytes, UploadLimit: s.Cfg.Server.UploadLimitBytes, CookieSecure: s.Cfg.Session.CookieSecure,
			TrustedProxies: s.Cfg.Server.TrustedProxies, SessionMaxAge: s.Cfg.Session.AbsoluteTimeout,
		},
	})
}

// Runner schedules the jobs every instance runs (each slot once overall);
// holder names this instance ("" makes one up).
func (s *System) Runner(holder string) (*jobs.Runner, error) {
	r := jobs.NewRunner(s.JobRepo, s.Clock, s.Log, holder)
	for _, j := range []jobs.Job{
		{Name: "findings.recheck", Spec: s.Cfg.Jobs.FindingsRecheck, Timeout: 30 * time.Minute, Run: func(ctx context.Context) error {
			_, err := s.Findings.Recheck(ctx)
			return err
		}},
		{Name: "sessions.purge", Spec: s.Cfg.Jobs.SessionPurge, Timeout: 5 * time.Minute, Run: func(ctx context.Context) error {
			_, err := s.Identity.PurgeSessions(ctx)
			return err
		}},
		{Name: "bills.generate", Spec: s.Cfg.Jobs.BillsGenerate, Timeout: 30 * time.Minute, Run: func(ctx context.Context) error {
			_, err := s.Fees.GenerateBills(ctx, s.Clock.Now().In(jobs.Shanghai()).Year())
			return err
		}},
		{Name: "events.anonymise", Spec: s.Cfg.Jobs.AnonymiseAttendees, Timeout: 30 * time.Minute, Run: func(ctx context.Context) error {
			_, err := s.Events.Anonymise(ctx)
			return err
		}},
		{Name: "credit.expire", Spec: s.Cfg.Jobs.CreditExpire, Timeout: 10 * time.Minute, Run: func(ctx context.Context) error {
			_, err := s.Credit.Expire(ctx)
			return err
		}},
		{Name: "bills.remind_arrears", Spec: s.Cfg.Jobs.ArrearsReminder, Timeout: 30 * time.Minute, Run: func(ctx context.Context) error {
			_, err := s.Fees.RemindArrears(ctx)
			return err
		}},
	} {
		if err := r.Add(j); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// spa serves the built front end with a fallback to index.html for client
// routes, or the placeholder page when the front end was never built.
func spa(dist fs.FS) fiber.Handler {
	if _, err := fs.Stat(dist, "index.html"); err != nil {
		return nil
	}
	files := filesystem.New(filesystem.Config{Root: http.FS(dist), Index: "index.html", NotFoundFile: "index.html", MaxAge: 0})
	return func(c *fiber.Ctx) error {
		if len(c.Path()) > 8 && c.Path()[:8] == "/assets/" {
			c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable") // hashed file names
		} else {
			c.Set(fiber.HeaderCacheControl, "no-cache")
		}
		return files(c)
	}
}

// Describe names the database for start-up messages.
func Describe(cfg config.Config) string {
	if cfg.Database.DSN != "" {
		return "MySQL/MariaDB"
	}
	return fmt.Sprintf("SQLite %s", cfg.SQLitePath())
}
