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

// Rechecker re-evaluates compliance rules after a change.
type Rechecker interface {
	RecheckObject(ctx context.Context, ruleID, objectType, objectID string) error
}

// Service holds the dues use cases.
type Service struct {
	store     Store
	registry  Registry
	decisions Decisions
	locks     Locks
	settings  Settings
	audit     *audit.Log
	tx        app.Tx
	clock     app.Clock
	policy    Policy
	findings  Rechecker
}

// Deps are the service's collaborators.
type Deps struct {
	Store     Store
	Registry  Registry
	Decisions Decisions
	Locks     Locks
	Settings  Settings
	Audit     *audit.Log
	Tx        app.Tx
	Clock     app.Clock
	Policy    Policy
	Findings  Rechecker
}

// NewService builds the dues service.
func NewService(d Deps) *Service {
	return &Service{store: d.Store, registry: d.Registry, decisions: d.Decisions, locks: d.Locks, settings: d.Settings,
		audit: d.Audit, tx: d.Tx, clock: d.Clock, policy: d.Policy, findings: d.Findings}
}

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

func (s *Service) today() time.Time {
	n := s.clock.Now().In(shanghai)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, shanghai)
}

func notFound(err error, entity string) error {
	if errors.Is(err, errs.ErrNotFound) {
		return errs.NotFound(entity)
	}
	return err
}

func principal(ctx context.Context) string {
	p, _ := app.PrincipalFrom(ctx)
	return p.Username
}

// ---- standards ----

// SaveStandard sets a tier's fee for a year. It rests on a passed
// fee-standard resolution of the general assembly taken on or before 1
// January of the year (8.1.1.2); a tier has one standard per year, and a
// year at most four (8.1.1.1).
func (s *Service) SaveStandard(ctx context.Context, tierID int64, year int, amountFen, resolutionID int64) (fee.Standard, error) {
	st, err := fee.NewStandard(tierID, year, amountFen, resolutionID)
	if err != nil {
		return st, err
	}
	active, err := s.registry.ActiveTier(ctx, tierID)
	if err != nil {
		return st, err
	}
	if !active {
		return st, errs.Field("tier_id", "tier_unknown")
	}
	heldOn, err := s.decisions.FeeStandard(ctx, resolutionID)
	if err != nil {
		if e, ok := errs.As(err); ok && errors.Is(err, errs.ErrInvalid) {
			return st, &errs.Error{Kind: errs.ErrRule, Code: "fee.resolution_invalid", Clause: fee.ClauseStandards, Fields: e.Fields}
		}
		return st, err
	}
	if err := fee.CheckResolutionDate(st, heldOn, shanghai); err != nil {
		return st, err
	}
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.locks.Lock(ctx, "bills"); err != nil {
			return err
		}
		existing, err := s.store.Standards(ctx, year)
		if err != nil {
			return err
		}
		if len(existing) >= 4 {
			return errs.Rule("fee.too_many_standards", fee.ClauseTiers)
		}
		if err := s.store.CreateStandard(ctx, &st); err != nil {
			if errors.Is(err, errs.ErrConflict) {
				return errs.Conflict("fee.standard_exists")
			}
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "fee_standard.create", Entity: "fee_standard", EntityID: st.ID, After: st})
	})
	return st, err
}

// Standards lists a year's standards (all years when 0).
func (s *Service) Standards(ctx context.Context, year int) ([]fee.Standard, error) {
	return s.store.Standards(ctx, year)
}

// ---- bills ----

func (s *Service) dueOn(year int) time.Time {
	t, err := time.ParseInLocation("2006-01-02", fmt.Sprintf("%04d-%s", year, s.policy.DueMonthDay), shanghai)
	if err != nil {
		return time.Date(year, 3, 31, 0, 0, 0, 0, shanghai)
	}
	return t
}

// Generated reports a bill run.
type Generated struct {
	Year         int
	Created      int
	AlreadyBill  int
	NoStandard   int
	NoStandardBy map[int64]int // tier → units without a standard
}

// GenerateBills bills every current unit for the year at its tier's
// standard. Running it again creates nothing new; withdrawn and expelled
// units are not billed. The run holds the bills lock, so two runs (two
// instances, or the job and a person) cannot interleave.
func (s *Service) GenerateBills(ctx context.Context, year int) (Generated, error) {
	if year < fee.MinYear || year > fee.MaxYear {
		return Generated{}, errs.Field("year", "year")
	}
	out := Generated{Year: year, NoStandardBy: map[int64]int{}}
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.locks.Lock(ctx, "bills"); err != nil {
			return err
		}
		standards, err := s.store.Standards(ctx, year)
		if err != nil {
			return err
		}
		byTier := map[int64]fee.Standard{}
		for _, st := range standards {
			byTier[st.TierID] = st
		}
		billed, err := s.store.BilledMembers(ctx, year)
		if err != nil {
			return err
		}
		now, due := s.clock.Now(), s.dueOn(year)
		var bills []*fee.Bill
		err = s.registry.EachBillable(ctx, func(memberID, tierID int64) error {
			if billed[memberID] {
				out.AlreadyBill++
				return nil
			}
			st, ok := byTier[tierID]
			if !ok {
				out.NoStandard++
				out.NoStandardBy[tierID]++
				return nil
			}
			bills = append(bills, &fee.Bill{MemberID: memberID, Year: year, TierID: tierID, StandardID: st.ID,
				AmountFen: st.AmountFen, DueOn: due, CreatedAt: now})
			return nil
		})
		if err != nil || len(bills) == 0 {
			return err
		}
		first, err := s.locks.NextN(ctx, "bill/"+strconv.Itoa(year), int64(len(bills)))
		if err != nil {
			return err
		}
		changes := make([]audit.Change, len(bills))
		for i, b := range bills {
			b.BillNo = fmt.Sprintf("HF%d-%06d", year, first+int64(i))
		}
		if err := s.store.CreateBills(ctx, bills); err != nil {
			return err
		}
		for i, b := range bills {
			changes[i] = audit.Change{Action: "bill.create", Entity: "bill", EntityID: b.ID,
				After: map[string]any{"bill_no": b.BillNo, "member_id": b.MemberID, "year": year, "amount_fen": b.AmountFen}}
		}
		out.Created = len(bills)
		return s.audit.RecordMany(ctx, changes)
	})
	return out, err
}

// IssueBill bills one unit for a year: the association (issuer 0) or one of
// its branches. A unit has one dues bill per year whoever issues it, so a
// branch cannot bill a unit the association billed (8.1.1.3).
func (s *Service) IssueBill(ctx context.Context, memberID int64, year int, issuerID int64) (fee.Bill, error) {
	if year < fee.MinYear || year > fee.MaxYear {
		return fee.Bill{}, errs.Field("year", "year")
	}
	if issuerID != 0 {
		ok, err := s.decisions.ActiveBranch(ctx, issuerID)
		if err != nil {
			return fee.Bill{}, err
		}
		if !ok {
			return fee.Bill{}, errs.Field("issuer_id", "branch_unknown")
		}
	}
	tierID, ok, err := s.registry.Billable(ctx, memberID)
	if err != nil {
		return fee.Bill{}, err
	}
	if !ok {
		return fee.Bill{}, errs.Rule("bill.member_not_current", "")
	}
	var b fee.Bill
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		st, err := s.store.StandardFor(ctx, tierID, year)
		if errors.Is(err, errs.ErrNotFound) {
			return errs.Rule("bill.no_standard", fee.ClauseStandards).With("year", year)
		}
		if err != nil {
			return err
		}
		n, err := s.locks.Next(ctx, "bill/"+strconv.Itoa(year))
		if err != nil {
			return err
		}
		b = fee.Bill{BillNo: fmt.Sprintf("HF%d-%06d", year, n), MemberID: memberID, Year: year, TierID: tierID, StandardID: st.ID,
			AmountFen: st.AmountFen, IssuerID: issuerID, DueOn: s.dueOn(year), CreatedAt: s.clock.Now()}
		if err := s.store.CreateBills(ctx, []*fee.Bill{&b}); err != nil {
			if errors.Is(err, errs.ErrConflict) {
				return errs.Rule("bill.double_collection", fee.ClauseLedger).With("year", year)
			}
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "bill.create", Entity: "bill", EntityID: b.ID, After: b})
	})
	return b, err
}

// CancelBill cancels a bill nothing is paid on.
func (s *Service) CancelBill(ctx context.Context, billID int64, reason string) (fee.Bill, error) {
	if strings.TrimSpace(reason) == "" {
		return fee.Bill{}, errs.Field("reason", "required")
	}
	var b fee.Bill
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		if b, err = s.store.BillForUpdate(ctx, billID); err != nil {
			return notFound(err, "bill")
		}
		if b.Cancelled {
			return errs.Conflict("bill.cancelled")
		}
		if b.PaidFen != 0 {
			return errs.Rule("bill.has_payments", "")
		}
		if err := s.store.CancelBill(ctx, b.ID); err != nil {
			return err
		}
		b.Cancelled = true
		return s.audit.Record(ctx, audit.Change{Action: "bill.cancel", Entity: "bill", EntityID: b.ID, After: map[string]any{"reason": reason}})
	})
	return b, err
}

// Bills lists bills.
func (s *Service) Bills(ctx context.Context, f BillFilter, p app.Page) (app.List[fee.Bill], error) {
	switch f.Status {
	case "", "unpaid", "partial", "paid", "cancelled", "outstanding", "overdue":
	default:
		return app.List[fee.Bill]{}, errs.Invalid("request.invalid_query", map[string]string{"status": "invalid"})
	}
	f.Today = s.today()
	return s.store.Bills(ctx, f, p)
}

// Bill returns one bill.
func (s *Service) Bill(ctx context.Context, id int64) (fee.Bill, error) {
	b, err := s.store.Bill(ctx, id)
	return b, notFound(err, "bill")
}

// MemberNames names units for screens.
func (s *Service) MemberNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	return s.registry.Names(ctx, ids)
}

// TierNames names tiers for screens.
func (s *Service) TierNames(ctx context.Context) (map[int64]string, error) {
	return s.registry.TierNames(ctx)
}
