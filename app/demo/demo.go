// Package demo loads a believable demo association into an empty database,
// through the same use cases the API calls, so every rule and audit entry
// applies to the demo as to real data. Each module adds its part here.
package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"huiguan/app"
	appconsult "huiguan/app/consult"
	appcredit "huiguan/app/credit"
	appevent "huiguan/app/event"
	appfee "huiguan/app/fee"
	"huiguan/app/finding"
	appgov "huiguan/app/governance"
	"huiguan/app/member"

	"huiguan/app/identity"
	appscore "huiguan/app/scorecard"
	"huiguan/domain/errs"
)

// Deps are the use cases the demo drives.
type Deps struct {
	Identity *identity.Service
	// MembersAt is the member registry acting on the given clock.
	MembersAt  func(app.Clock) *member.Service
	Clock      app.Clock
	Findings   *finding.Service
	Members    *member.Service
	Governance *appgov.Service
	Fees       *appfee.Service
	Events     *appevent.Service
	Credit     *appcredit.Service
	Consulting *appconsult.Service
	Scorecard  *appscore.Service
}

// Options tune the load.
type Options struct {
	// Force loads even when the database already has data.
	Force bool
	// Password is given to every demo account; empty uses DefaultPassword.
	Password string
}

// DefaultPassword is the demo accounts' password unless one is given.
const DefaultPassword = "HuiGuan-demo-2026"

// Account is a demo login to print.
type Account struct {
	Username, Password, Roles string
}

// Result lists what was loaded.
type Result struct {
	Accounts []Account
	Members  int
}

// ErrNotEmpty refuses a database that already holds data.
var ErrNotEmpty = errors.New("demo: the database already has data; use a fresh data directory or --force")

var accounts = []struct {
	username, name string
	roles          []string
}{
	{"admin", "系统管理员", []string{"admin"}},
	{"mishu", "陈秘书长（秘书处）", []string{"secretariat"}},
	{"caiwu", "林会计（财务）", []string{"finance"}},
	{"huizhang", "黄会长（会长办公会）", []string{"board"}},
	{"jianshi", "周监事长（监事会）", []string{"supervisor"}},
	{"pingjia", "吴评价组长（评价工作组）", []string{"evaluator"}},
	{"huiyuan", "广州速达物流 · 李经理", []string{"member"}},
}

// Load creates the demo association. An empty database is one with no
// accounts, or with only the administrator that the first start created.
func Load(ctx context.Context, d Deps, o Options) (Result, error) {
	n, err := d.Identity.CountUsers(ctx)
	if err != nil {
		return Result{}, err
	}
	if n > 1 && !o.Force {
		return Result{}, ErrNotEmpty
	}
	password := o.Password
	if password == "" {
		password = DefaultPassword
	}
	var res Result
	r, err := loadMembers(ctx, d, d.Clock.Now().UTC().Truncate(time.Microsecond))
	if err != nil {
		return Result{}, err
	}
	feeResolution, err := loadGovernance(ctx, d, r)
	if err != nil {
		return Result{}, fmt.Errorf("demo governance: %w", err)
	}
	if err := loadFees(ctx, d, feeResolution, r.tiers, d.Clock.Now().In(shanghaiLoc)); err != nil {
		return Result{}, fmt.Errorf("demo fees: %w", err)
	}
	if err := loadEvents(ctx, d, d.Clock.Now().In(shanghaiLoc)); err != nil {
		return Result{}, fmt.Errorf("demo events: %w", err)
	}
	if err := loadCredit(ctx, d, r, d.Clock.Now().In(shanghaiLoc)); err != nil {
		return Result{}, fmt.Errorf("demo credit: %w", err)
	}
	if err := loadConsulting(ctx, d, d.Clock.Now().In(shanghaiLoc)); err != nil {
		return Result{}, fmt.Errorf("demo consulting: %w", err)
	}
	res.Members = r.units
	unitID := r.showcase
	userIDs := map[string]int64{}
	for _, a := range accounts {
		var link *int64
		if a.username == "huiyuan" {
			link = &unitID
		}
		u, err := d.Identity.CreateUser(ctx, identity.CreateUserCommand{
			Username: a.username, Password: password, DisplayName: a.name, Roles: a.roles, MemberID: link,
		})
		if err == nil {
			userIDs[a.username] = u.User.ID()
		}
		shown := password
		if errors.Is(err, errs.ErrConflict) {
			if a.username != "admin" {
				if !o.Force {
					return Result{}, ErrNotEmpty
				}
			}
			shown = "(unchanged)"
		} else if err != nil {
			return Result{}, err
		}
		res.Accounts = append(res.Accounts, Account{Username: a.username, Password: shown, Roles: strings.Join(a.roles, ",")})
	}
	if err := requestAsUnit(ctx, d.MembersAt(d.Clock), unitID); err != nil {
		return Result{}, err
	}
	// The secretary-general heads internal governance, the president business (10.1.2).
	if err := loadScorecard(ctx, d, userIDs["mishu"], userIDs["huizhang"], d.Clock.Now().In(shanghaiLoc)); err != nil {
		return Result{}, fmt.Errorf("demo scorecard: %w", err)
	}
	// Findings as the nightly check would leave them today.
	if _, err := d.Findings.Recheck(ctx); err != nil {
		return Result{}, err
	}
	return res, nil
}
