package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"huiguan/api"
	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/app/finding"
	"huiguan/app/identity"
	"huiguan/configs"
	domainidentity "huiguan/domain/identity"
	"huiguan/frontend"
	"huiguan/infra/config"
	"huiguan/infra/db"
	"huiguan/infra/db/migrations"
	"huiguan/infra/jobs"
	"huiguan/infra/rbac"
	"huiguan/infra/secure"
	"huiguan/infra/store"
)

// system is the composition root: every dependency, built once, in order.
type system struct {
	cfg      config.Config
	log      *slog.Logger
	db       *db.DB
	store    *store.Store
	clock    app.Clock
	audit    *audit.Log
	identity *identity.Service
	findings *finding.Service
	enforcer *rbac.Enforcer
	jobRepo  *store.Jobs
}

// open connects to the database and migrates it; every subcommand starts here.
func open(ctx context.Context, cfg config.Config, log *slog.Logger) (*system, error) {
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
	clock := app.SystemClock{}
	auditLog := audit.NewLog(store.NewAudit(st), st, clock)
	ids, err := identity.NewService(identity.Deps{
		Users: store.NewUsers(st), Sessions: store.NewSessions(st), Throttle: store.NewThrottle(st),
		Hasher: secure.Bcrypt{}, Tokens: secure.Tokens{}, Audit: auditLog, Tx: st, Clock: clock,
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
	return &system{
		cfg: cfg, log: log, db: d, store: st, clock: clock, audit: auditLog, identity: ids,
		findings: finding.NewService(store.NewFindings(st), auditLog, st, clock),
		enforcer: enforcer, jobRepo: store.NewJobs(st),
	}, nil
}

func (s *system) close() { s.db.Close() }

// server builds the HTTP server.
func (s *system) server() *api.Server {
	return api.New(api.Deps{
		Log: s.log, Identity: s.identity, Audit: s.audit, Findings: s.findings, JobRuns: s.jobRepo,
		Authorizer: s.enforcer, DB: s.store, Static: spa(frontend.Dist()),
		Options: api.Options{
			BodyLimit: s.cfg.Server.BodyLimitBytes, CookieSecure: s.cfg.Session.CookieSecure,
			TrustedProxies: s.cfg.Server.TrustedProxies, SessionMaxAge: s.cfg.Session.AbsoluteTimeout,
		},
	})
}

// runner schedules the jobs every instance runs (each slot once overall).
func (s *system) runner() (*jobs.Runner, error) {
	r := jobs.NewRunner(s.jobRepo, s.clock, s.log, "")
	for _, j := range []jobs.Job{
		{Name: "findings.recheck", Spec: s.cfg.Jobs.FindingsRecheck, Timeout: 30 * time.Minute, Run: func(ctx context.Context) error {
			_, err := s.findings.Recheck(ctx)
			return err
		}},
		{Name: "sessions.purge", Spec: s.cfg.Jobs.SessionPurge, Timeout: 5 * time.Minute, Run: func(ctx context.Context) error {
			_, err := s.identity.PurgeSessions(ctx)
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

func describe(cfg config.Config) string {
	if cfg.Database.DSN != "" {
		return "MySQL/MariaDB"
	}
	return fmt.Sprintf("SQLite %s", cfg.SQLitePath())
}
