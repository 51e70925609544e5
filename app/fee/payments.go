package fee

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	"huiguan/domain/fee"
)

// SettingKeeper names the fee fund's keeper (专人专账, 8.1.1.3).
const SettingKeeper = "fee.fund_keeper"

// Keeper returns the fund's keeper, "" when none is named.
func (s *Service) Keeper(ctx context.Context) (string, error) {
	v, _, err := s.settings.Get(ctx, SettingKeeper)
	return v, err
}

// SetKeeper names the fund's keeper.
func (s *Service) SetKeeper(ctx context.Context, name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errs.Field("keeper", "required")
	}
	return s.tx.Do(ctx, func(ctx context.Context) error {
		old, _, err := s.settings.Get(ctx, SettingKeeper)
		if err != nil {
			return err
		}
		if err := s.settings.Set(ctx, SettingKeeper, name); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "fund.keeper", Entity: "setting", EntityKey: SettingKeeper, Before: old, After: name})
	})
}

// PayCommand records a payment.
type PayCommand struct {
	BillID    int64
	AmountFen int64
	Method    fee.Method
	PaidOn    time.Time
	Reference string
	// IdempotencyKey makes a retried request safe; RequestHash is the
	// request's fingerprint, so the same key with another body is refused.
	IdempotencyKey string
	RequestHash    string
}

// Pay records a payment on a bill and posts it to the fee fund, in one
// transaction. The bill row is locked, so concurrent payments cannot
// together exceed what is owed.
func (s *Service) Pay(ctx context.Context, c PayCommand) (fee.Payment, bool, error) {
	var out fee.Payment
	replayed := false
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		if c.IdempotencyKey != "" {
			used, hash, result, err := s.store.ClaimIdempotencyKey(ctx, c.IdempotencyKey, "payment", c.RequestHash)
			if err != nil {
				return err
			}
			if used {
				if hash != c.RequestHash {
					return errs.Conflict("idempotency.mismatch")
				}
				if out, err = s.store.Payment(ctx, result); err != nil {
					return err
				}
				replayed = true
				return nil
			}
		}
		keeper, err := s.Keeper(ctx)
		if err != nil {
			return err
		}
		if err := fee.CheckKeeper(keeper); err != nil {
			return err
		}
		b, err := s.store.BillForUpdate(ctx, c.BillID)
		if errors.Is(err, errs.ErrNotFound) {
			return errs.Field("bill_id", "bill_unknown")
		}
		if err != nil {
			return err
		}
		p, err := fee.Pay(&b, c.AmountFen, c.Method, c.PaidOn, c.Reference)
		if err != nil {
			return err
		}
		n, err := s.locks.Next(ctx, "receipt/"+strconv.Itoa(c.PaidOn.In(shanghai).Year()))
		if err != nil {
			return err
		}
		p.ReceiptNo = fmt.Sprintf("SJ%d-%06d", c.PaidOn.In(shanghai).Year(), n)
		p.CreatedBy, p.CreatedAt = principal(ctx), s.clock.Now()
		if err := s.store.CreatePayment(ctx, &p); err != nil {
			return err
		}
		if err := s.store.SaveBillPaid(ctx, b); err != nil {
			return err
		}
		income := fee.FundEntry{Direction: fee.Income, AmountFen: p.AmountFen, Category: fee.DuesIncome, Year: c.PaidOn.In(shanghai).Year(),
			PostedOn: c.PaidOn, Description: "会费 " + b.BillNo + " 收据 " + p.ReceiptNo, Responsible: p.CreatedBy, Keeper: keeper,
			PaymentID: &p.ID, CreatedBy: p.CreatedBy}
		if err := s.store.CreateFundEntry(ctx, &income); err != nil {
			return err
		}
		if c.IdempotencyKey != "" {
			if err := s.store.SetIdempotencyResult(ctx, c.IdempotencyKey, "payment", p.ID); err != nil {
				return err
			}
		}
		out = p
		return s.audit.Record(ctx, audit.Change{Action: "payment.create", Entity: "payment", EntityID: p.ID, After: p})
	})
	return out, replayed, err
}

// Reverse corrects a payment by a reversal entry, in the dues ledger and in
// the fund; nothing is edited or deleted.
func (s *Service) Reverse(ctx context.Context, paymentID int64, reason string) (fee.Payment, error) {
	var out fee.Payment
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		p, err := s.store.Payment(ctx, paymentID)
		if err != nil {
			return notFound(err, "payment")
		}
		b, err := s.store.BillForUpdate(ctx, p.BillID)
		if err != nil {
			return err
		}
		// Read again under the bill's lock: a concurrent reversal may have won.
		if p, err = s.store.Payment(ctx, paymentID); err != nil {
			return err
		}
		rev, err := fee.Reverse(&b, p, reason, s.today())
		if err != nil {
			return err
		}
		year := s.today().Year()
		n, err := s.locks.Next(ctx, "receipt/"+strconv.Itoa(year))
		if err != nil {
			return err
		}
		rev.ReceiptNo = fmt.Sprintf("CX%d-%06d", year, n)
		rev.CreatedBy, rev.CreatedAt = principal(ctx), s.clock.Now()
		if err := s.store.CreatePayment(ctx, &rev); err != nil {
			if errors.Is(err, errs.ErrConflict) {
				return errs.Conflict("payment.already_reversed")
			}
			return err
		}
		if err := s.store.MarkReversed(ctx, p.ID, rev.ID); err != nil {
			return err
		}
		if err := s.store.SaveBillPaid(ctx, b); err != nil {
			return err
		}
		income, err := s.store.FundEntryForPayment(ctx, p.ID)
		if err != nil {
			return err
		}
		correction := fee.FundEntry{Direction: fee.Income, AmountFen: -income.AmountFen, Category: income.Category, Year: year,
			PostedOn: rev.PaidOn, Description: "冲销 " + p.ReceiptNo + "：" + rev.Reason, Responsible: rev.CreatedBy,
			Keeper: income.Keeper, PaymentID: &rev.ID, ReversalOf: &income.ID, CreatedBy: rev.CreatedBy}
		if err := s.store.CreateFundEntry(ctx, &correction); err != nil {
			return err
		}
		out = rev
		return s.audit.Record(ctx, audit.Change{Action: "payment.reverse", Entity: "payment", EntityID: p.ID, After: rev})
	})
	return out, err
}

// Payment returns one ledger entry.
func (s *Service) Payment(ctx context.Context, id int64) (fee.Payment, error) {
	p, err := s.store.Payment(ctx, id)
	return p, notFound(err, "payment")
}

// Payments lists ledger entries, newest first.
func (s *Service) Payments(ctx context.Context, f PaymentFilter, p app.Page) (app.List[fee.Payment], error) {
	return s.store.Payments(ctx, f, p)
}

// ---- fund ----

// PostExpense charges an expense to the fee fund (finance).
func (s *Service) PostExpense(ctx context.Context, amountFen int64, category fee.Category, postedOn time.Time, description, responsible string) (fee.FundEntry, error) {
	var e fee.FundEntry
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		keeper, err := s.Keeper(ctx)
		if err != nil {
			return err
		}
		if e, err = fee.NewExpense(amountFen, category, postedOn, description, responsible, keeper); err != nil {
			return err
		}
		e.Year, e.CreatedBy = postedOn.In(shanghai).Year(), principal(ctx)
		if err := s.store.CreateFundEntry(ctx, &e); err != nil {
			return err
		}
		if err := s.recheck(ctx, RuleMainUse, "fee_year", strconv.Itoa(e.Year)); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "fund.expense", Entity: "fund_entry", EntityID: e.ID, After: e})
	})
	return e, err
}

// ReverseExpense corrects an expense by an opposite entry.
func (s *Service) ReverseExpense(ctx context.Context, entryID int64, reason string) (fee.FundEntry, error) {
	if strings.TrimSpace(reason) == "" {
		return fee.FundEntry{}, errs.Field("reason", "required")
	}
	var out fee.FundEntry
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		e, err := s.store.FundEntry(ctx, entryID)
		if err != nil {
			return notFound(err, "fund_entry")
		}
		if e.Direction != fee.Expense || e.ReversalOf != nil {
			return errs.Rule("fund.not_reversible", "")
		}
		out = fee.FundEntry{Direction: fee.Expense, AmountFen: -e.AmountFen, Category: e.Category, Year: e.Year, PostedOn: s.today(),
			Description: "冲销：" + strings.TrimSpace(reason), Responsible: principal(ctx), Keeper: e.Keeper, ReversalOf: &e.ID, CreatedBy: principal(ctx)}
		if err := s.store.CreateFundEntry(ctx, &out); err != nil {
			if errors.Is(err, errs.ErrConflict) {
				return errs.Conflict("fund.already_reversed")
			}
			return err
		}
		if err := s.recheck(ctx, RuleMainUse, "fee_year", strconv.Itoa(e.Year)); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "fund.reverse", Entity: "fund_entry", EntityID: e.ID, After: out})
	})
	return out, err
}

// FundEntries lists the fund.
func (s *Service) FundEntries(ctx context.Context, f FundFilter, p app.Page) (app.List[fee.FundEntry], error) {
	return s.store.FundEntries(ctx, f, p)
}

// FundSummary is the fund's balance and a year's totals.
type FundSummary struct {
	Keeper     string
	Year       int
	YearTotals FundTotals
	BalanceFen int64
}

// Summary returns the fund's balance to date and a year's totals.
func (s *Service) Summary(ctx context.Context, year int) (FundSummary, error) {
	keeper, err := s.Keeper(ctx)
	if err != nil {
		return FundSummary{}, err
	}
	all, err := s.store.FundTotals(ctx, fee.MaxYear, false)
	if err != nil {
		return FundSummary{}, err
	}
	y, err := s.store.FundTotals(ctx, year, true)
	if err != nil {
		return FundSummary{}, err
	}
	return FundSummary{Keeper: keeper, Year: year, YearTotals: y, BalanceFen: all.IncomeFen - all.ExpenseFen}, nil
}

func (s *Service) recheck(ctx context.Context, rule, objectType, objectID string) error {
	if s.findings == nil {
		return nil
	}
	return s.findings.RecheckObject(ctx, rule, objectType, objectID)
}
