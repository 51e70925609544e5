package main

import (
	"context"
	"fmt"
	"io"

	"huiguan/app/demo"
	"huiguan/wire"
)

func loadDemo(ctx context.Context, sys *wire.System, stdout io.Writer, force bool) error {
	res, err := demo.Load(ctx, demo.Deps{Identity: sys.Identity}, demo.Options{Force: force, Password: sys.Cfg.AdminPassword})
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "demo association loaded. Accounts (username / password / roles):")
	for _, a := range res.Accounts {
		fmt.Fprintf(stdout, "  %-12s %-22s %s\n", a.Username, a.Password, a.Roles)
	}
	return nil
}
