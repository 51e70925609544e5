// Command huiguan is the HuiGuan server and its operator commands:
//
//	huiguan serve                     start the server (migrates first)
//	huiguan migrate                   apply pending migrations
//	huiguan user create --username U --role R [--display-name N] [--password P]
//	huiguan audit verify              recompute the audit hash chain
//	huiguan demo                      load the demo association into an empty database
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // Asia/Shanghai on hosts and images without a zone database

	"huiguan/app"
	"huiguan/app/identity"
	"huiguan/infra/config"
	"huiguan/infra/secure"
	"huiguan/wire"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: huiguan <command> [flags]

commands:
  serve          start the server on HUIGUAN_ADDR (default :8080), migrating first
  migrate        apply pending database migrations
  user create    create an account: --username U --role R[,R…] [--display-name N] [--password P]
  audit verify   recompute the audit hash chain; exits 1 naming the first broken entry
  demo           load the demo association into an empty database

common flags: --config FILE --addr ADDR --data-dir DIR --db-dsn DSN
`

// run is main without os.Exit, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	if cmd == "user" || cmd == "audit" {
		if len(rest) == 0 {
			fmt.Fprint(stderr, usage)
			return 2
		}
		cmd, rest = cmd+" "+rest[0], rest[1:]
	}
	fl := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	configPath := fl.String("config", "", "configuration file (YAML)")
	addr := fl.String("addr", "", "listen address, e.g. :8080")
	dataDir := fl.String("data-dir", "", "data directory")
	dsn := fl.String("db-dsn", "", "MySQL DSN, e.g. mysql://root@127.0.0.1:3306/huiguan")
	username := fl.String("username", "", "user create: username")
	roles := fl.String("role", "", "user create: role(s), comma-separated")
	displayName := fl.String("display-name", "", "user create: display name")
	password := fl.String("password", "", "user create: password (generated when empty)")
	force := fl.Bool("force", false, "demo: load even though the database has data")
	if err := fl.Parse(rest); err != nil {
		return 2
	}
	cfg, err := config.Load(*configPath, os.Getenv)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *addr != "" {
		cfg.Server.Addr = *addr
	}
	if *dataDir != "" {
		cfg.DataDir = *dataDir
	}
	if *dsn != "" {
		cfg.Database.DSN = *dsn
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	sys, err := wire.Open(ctx, cfg, log, wire.Options{})
	if err != nil {
		fmt.Fprintln(stderr, "huiguan:", err)
		return 1
	}
	defer sys.Close()
	ctx = app.WithPrincipal(ctx, app.System("cli:"+strings.ReplaceAll(cmd, " ", "-")))

	switch cmd {
	case "serve":
		err = serve(ctx, sys, stdout)
	case "migrate":
		fmt.Fprintf(stdout, "database migrated (%s)\n", wire.Describe(cfg))
	case "user create":
		err = createUser(ctx, sys, stdout, *username, *roles, *displayName, *password)
	case "audit verify":
		var ok bool
		ok, err = verifyAudit(ctx, sys, stdout)
		if err == nil && !ok {
			return 1
		}
	case "demo":
		err = loadDemo(ctx, sys, stdout, *force)
	default:
		fmt.Fprint(stderr, usage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "huiguan:", err)
		return 1
	}
	return 0
}

func serve(ctx context.Context, sys *wire.System, stdout io.Writer) error {
	boot, err := sys.Identity.EnsureAdmin(ctx, sys.Cfg.AdminPassword, func() (string, error) { return secure.Password(16) })
	if err != nil {
		return err
	}
	url := "http://localhost" + sys.Cfg.Server.Addr
	if !strings.HasPrefix(sys.Cfg.Server.Addr, ":") {
		url = "http://" + sys.Cfg.Server.Addr
	}
	fmt.Fprintf(stdout, "HuiGuan 会馆 listening on %s (%s)\n", url, wire.Describe(sys.Cfg))
	switch {
	case boot.Created && boot.Password != "":
		fmt.Fprintf(stdout, "first administrator created — username: %s  password: %s  (shown once; change it after login)\n", boot.Username, boot.Password)
	case boot.Created:
		fmt.Fprintf(stdout, "first administrator created — username: %s  password: from HUIGUAN_ADMIN_PASSWORD\n", boot.Username)
	}
	if sys.Cfg.Jobs.Enabled {
		r, err := sys.Runner("")
		if err != nil {
			return err
		}
		r.Start()
		defer r.Stop()
	}
	srv := sys.Server()
	errc := make(chan error, 1)
	go func() { errc <- srv.App.Listen(sys.Cfg.Server.Addr) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sys.Log.Info("shutting down: finishing in-flight requests")
	return srv.App.ShutdownWithTimeout(30 * time.Second)
}

func createUser(ctx context.Context, sys *wire.System, stdout io.Writer, username, roles, displayName, password string) error {
	if username == "" || roles == "" {
		return errors.New("user create needs --username and --role")
	}
	shown := ""
	if password == "" {
		var err error
		if password, err = secure.Password(16); err != nil {
			return err
		}
		shown = password
	}
	if displayName == "" {
		displayName = username
	}
	v, err := sys.Identity.CreateUser(ctx, identity.CreateUserCommand{
		Username: username, Password: password, DisplayName: displayName, Roles: strings.Split(roles, ","),
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "user %s created (id %d, roles %s)\n", v.User.Username(), v.User.ID(), roles)
	if shown != "" {
		fmt.Fprintf(stdout, "password: %s  (shown once)\n", shown)
	}
	return nil
}

func verifyAudit(ctx context.Context, sys *wire.System, stdout io.Writer) (bool, error) {
	res, err := sys.Audit.Verify(ctx)
	if err != nil {
		return false, err
	}
	if res.OK {
		fmt.Fprintf(stdout, "audit chain intact: %d entries verified\n", res.Checked)
		return true, nil
	}
	fmt.Fprintf(stdout, "audit chain BROKEN at entry seq %d (%s); %d entries before it verified\n", res.Break.Seq, res.Break.Reason, res.Checked)
	return false, nil
}
