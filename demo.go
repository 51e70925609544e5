package main

import (
	"context"
	"fmt"
	"io"

	"huiguan/app/demo"
	"huiguan/wire"
)

func loadDemo(ctx context.Context, sys *wire.System, stdout io.Writer, force bool) error {
	res, err := demo.Load(ctx, demo.Deps{Identity: sys.Identity, MembersAt: sys.MembersAt, Clock: sys.Clock, Findings: sys.Findings,
		Members: sys.Members, Governance: sys.Governance, Fees: sys.Fees, Events: sys.Events, Credit: sys.Credit,
		Consulting: sys.Consulting, Scorecard: sys.Scorecard}, demo.Options{Force: force, Password: sys.Cfg.AdminPassword})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "demo association loaded: %d member units. Accounts (username / password / roles):\n", res.Members)
	for _, a := range res.Accounts {
		fmt.Fprintf(stdout, "  %-12s %-22s %s\n", a.Username, a.Password, a.Roles)
	}
	return nil
}
