package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"huiguan/app"
	appfee "huiguan/app/fee"
	"huiguan/domain/fee"
	"huiguan/domain/identity"
)

// loadFees sets the fee standards of 2024–2026 on the 2023 assembly's
// resolution, bills every year, records payments (most units pay, some
// late, a few still owe for this year), charges the fund's expenses, and
// publishes the 2024 and 2025 disclosures through the full workflow.
func loadFees(ctx context.Context, d Deps, feeResolution int64, tierIDs map[string]int64, today time.Time) error {
	f := d.Fees
	r := rand.New(rand.NewPCG(2026, 6))
	as := func(user string, roles ...identity.Role) context.Context {
		p, _ := app.PrincipalFrom(ctx)
		p.Username, p.Roles = user, roles
		return app.WithPrincipal(ctx, p)
	}
	finance := as("caiwu", identity.Finance)
	if err := f.SetKeeper(finance, "张出纳"); err != nil {
		return err
	}
	for _, year := range []int{2024, 2025, 2026} {
		for _, t := range demoTiers {
			if _, err := f.SaveStandard(finance, tierIDs[t.Name], year, t.AnnualFeeFen, feeResolution); err != nil {
				return fmt.Errorf("standard %d %s: %w", year, t.Name, err)
			}
		}
		if _, err := f.GenerateBills(finance, year); err != nil {
			return fmt.Errorf("bills %d: %w", year, err)
		}
		if err := payYear(finance, f, r, year, today); err != nil {
			return err
		}
		if err := spendYear(finance, f, r, year, today); err != nil {
			return err
		}
	}
	for _, year := range []int{2024, 2025} {
		if _, err := f.DraftDisclosure(finance, year); err != nil {
			return fmt.Errorf("disclosure %d: %w", year, err)
		}
		for _, step := range []struct {
			ctx  context.Context
			step string
		}{
			{as("mishu", identity.Secretariat), "verify"},
			{as("huizhang", identity.BoardRole), "approve"},
			{as("mishu", identity.Secretariat), "publish"},
		} {
			if _, err := f.AdvanceDisclosure(step.ctx, year, step.step); err != nil {
				return fmt.Errorf("disclosure %d %s: %w", year, step.step, err)
			}
		}
	}
	_, err := f.RemindArrears(ctx)
	return err
}

// payYear pays the year's bills: past years nearly all, this year about
// four in five so far; a few units pay in two instalments.
func payYear(ctx context.Context, f *appfee.Service, r *rand.Rand, year int, today time.Time) error {
	for page := 1; ; page++ {
		list, err := f.Bills(ctx, appfee.BillFilter{Year: year}, app.Page{Page: page, PageSize: app.MaxPageSize})
		if err != nil {
			return err
		}
		for _, b := range list.Items {
			chance := 97
			if year == today.Year() {
				chance = 80
			}
			if r.IntN(100) >= chance {
				continue
			}
			paidOn := time.Date(year, time.Month(1+r.IntN(3)), 1+r.IntN(28), 0, 0, 0, 0, shanghaiLoc)
			if paidOn.After(today) {
				paidOn = today
			}
			method := []fee.Method{fee.BankTransfer, fee.BankTransfer, fee.WeChat, fee.Alipay}[r.IntN(4)]
			amounts := []int64{b.AmountFen}
			if r.IntN(12) == 0 {
				amounts = []int64{b.AmountFen / 2, b.AmountFen - b.AmountFen/2}
			}
			for i, a := range amounts {
				on := paidOn.AddDate(0, i*2, 0)
				if on.After(today) {
					break
				}
				if _, _, err := f.Pay(ctx, appfee.PayCommand{BillID: b.ID, AmountFen: a, Method: method, PaidOn: on,
					Reference: fmt.Sprintf("YH%d%06d", year, b.ID)}); err != nil {
					return fmt.Errorf("pay %s: %w", b.BillNo, err)
				}
			}
		}
		if len(list.Items) < app.MaxPageSize {
			return nil
		}
	}
}

// spendYear charges the year's fund expenses, mostly on member services
// and activities, as the standard expects.
func spendYear(ctx context.Context, f *appfee.Service, r *rand.Rand, year int, today time.Time) error {
	items := []struct {
		cat  fee.Category
		desc string
		fen  int64
	}{
		{fee.MemberService, "年度行业峰会会务", 38_000_000},
		{fee.MemberService, "会员政策宣讲会（4 场）", 9_600_000},
		{fee.BusinessActivity, "冷链物流团体标准编制", 21_000_000},
		{fee.BusinessActivity, "行业数据季报调研", 12_500_000},
		{fee.Administration, "秘书处办公及人员", 26_000_000},
		{fee.OtherExpense, "审计及银行手续费", 1_800_000},
	}
	for i, it := range items {
		on := time.Date(year, time.Month(2+i*2), 10+r.IntN(15), 0, 0, 0, 0, shanghaiLoc)
		if on.After(today) {
			continue
		}
		amount := it.fen + int64(r.IntN(2_000_000))
		if _, err := f.PostExpense(ctx, amount, it.cat, on, it.desc, "林会计"); err != nil {
			return fmt.Errorf("expense %s: %w", it.desc, err)
		}
	}
	return nil
}
