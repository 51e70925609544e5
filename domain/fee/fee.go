// Package fee holds the dues rules of 8.1.1: fixed fee standards per tier
// and year resting on a general-assembly resolution, one bill per member and
// year across the association and its branches, an append-only ledger of
// payments and the dedicated fee fund, and the annual disclosure.
package fee

import (
	"fmt"
	"strings"
	"time"

	"huiguan/domain/errs"
)

// Clauses of 8.1.1.
const (
	ClauseTiers      = "8.1.1.1"
	ClauseStandards  = "8.1.1.2"
	ClauseLedger     = "8.1.1.3"
	MinYear, MaxYear = 2000, 2100
)

// Standard is the fee of one tier for one year: one fixed amount in fen.
// There is no field for a range, a percentage or a discount, so none can be
// stored (8.1.1.1, 8.1.1.2).
type Standard struct {
	ID           int64
	TierID       int64
	Year         int
	AmountFen    int64
	ResolutionID int64
}

// EffectiveFrom is the day the standard takes effect: 1 January of its year.
func (s Standard) EffectiveFrom(loc *time.Location) time.Time {
	return time.Date(s.Year, 1, 1, 0, 0, 0, 0, loc)
}

// NewStandard validates a standard's own fields; the resolution is checked
// by the governance register.
func NewStandard(tierID int64, year int, amountFen int64, resolutionID int64) (Standard, error) {
	fields := map[string]string{}
	if tierID <= 0 {
		fields["tier_id"] = "required"
	}
	if year < MinYear || year > MaxYear {
		fields["year"] = "year"
	}
	if amountFen <= 0 {
		fields["amount_fen"] = "positive_fen"
	}
	if resolutionID <= 0 {
		fields["resolution_id"] = "required"
	}
	if len(fields) > 0 {
		return Standard{}, errs.Invalid("request.invalid_fields", fields)
	}
	return Standard{TierID: tierID, Year: year, AmountFen: amountFen, ResolutionID: resolutionID}, nil
}

// CheckResolutionDate refuses a resolution taken after the standard takes effect.
func CheckResolutionDate(s Standard, heldOn time.Time, loc *time.Location) error {
	if heldOn.After(s.EffectiveFrom(loc)) {
		return errs.Rule("fee.resolution_after_effect", ClauseStandards).With("year", s.Year)
	}
	return nil
}

// Method is how a payment was made.
type Method string

// Payment methods.
const (
	BankTransfer Method = "bank_transfer"
	Cash         Method = "cash"
	WeChat       Method = "wechat"
	Alipay       Method = "alipay"
	Cheque       Method = "cheque"
)

// ParseMethod accepts the methods.
func ParseMethod(s string) (Method, error) {
	switch Method(s) {
	case BankTransfer, Cash, WeChat, Alipay, Cheque:
		return Method(s), nil
	}
	return "", errs.Field("method", "invalid")
}

// BillStatus is derived from payments; it is never set by hand.
type BillStatus string

// Bill statuses.
const (
	Unpaid    BillStatus = "unpaid"
	Partial   BillStatus = "partial"
	Paid      BillStatus = "paid"
	Cancelled BillStatus = "cancelled"
)

// Bill is a member's annual dues bill. Its amount is the standard's amount
// for the member's tier: there is no per-member price (8.1.1.1).
type Bill struct {
	ID         int64
	BillNo     string
	MemberID   int64
	Year       int
	TierID     int64
	StandardID int64
	AmountFen  int64
	PaidFen    int64 // payments less reversals, kept with the bill
	IssuerID   int64 // 0: the association; otherwise a branch
	DueOn      time.Time
	Cancelled  bool
	CreatedAt  time.Time
}

// Status derives the bill's state.
func (b Bill) Status() BillStatus {
	switch {
	case b.Cancelled:
		return Cancelled
	case b.PaidFen >= b.AmountFen:
		return Paid
	case b.PaidFen > 0:
		return Partial
	}
	return Unpaid
}

// OutstandingFen is what remains to be paid.
func (b Bill) OutstandingFen() int64 {
	if b.Cancelled {
		return 0
	}
	return b.AmountFen - b.PaidFen
}

// Overdue reports whether the bill is unpaid after its due date.
func (b Bill) Overdue(today time.Time) bool {
	return !b.Cancelled && b.OutstandingFen() > 0 && today.After(b.DueOn)
}

// Payment is one entry of the dues ledger: a payment (positive) or the
// reversal of one (negative, citing it). Entries are never edited or deleted.
type Payment struct {
	ID         int64
	ReceiptNo  string
	BillID     int64
	MemberID   int64
	AmountFen  int64
	Method     Method
	PaidOn     time.Time
	Reference  string
	ReversalOf *int64
	ReversedBy *int64
	Reason     string
	CreatedBy  string
	CreatedAt  time.Time
}

// Pay checks a payment against its bill and applies it: a positive whole
// amount, not above what is outstanding, never on a cancelled bill.
func Pay(b *Bill, amountFen int64, method Method, paidOn time.Time, reference string) (Payment, error) {
	fields := map[string]string{}
	if amountFen <= 0 {
		fields["amount_fen"] = "positive_fen"
	}
	if paidOn.IsZero() {
		fields["paid_on"] = "required"
	}
	if len(reference) > 128 {
		fields["reference"] = "too_long"
	}
	if len(fields) > 0 {
		return Payment{}, errs.Invalid("request.invalid_fields", fields)
	}
	if b.Cancelled {
		return Payment{}, errs.Rule("payment.bill_cancelled", "")
	}
	if amountFen > b.OutstandingFen() {
		return Payment{}, errs.Rule("payment.overpayment", "").With("outstanding", Yuan(b.OutstandingFen()))
	}
	b.PaidFen += amountFen
	return Payment{BillID: b.ID, MemberID: b.MemberID, AmountFen: amountFen, Method: method, PaidOn: paidOn,
		Reference: strings.TrimSpace(reference)}, nil
}

// Reverse corrects a payment by an opposite entry; a payment is reversed at
// most once, and a reversal is never reversed.
func Reverse(b *Bill, p Payment, reason string, on time.Time) (Payment, error) {
	if strings.TrimSpace(reason) == "" {
		return Payment{}, errs.Field("reason", "required")
	}
	if p.ReversalOf != nil {
		return Payment{}, errs.Rule("payment.reverse_reversal", "")
	}
	if p.ReversedBy != nil {
		return Payment{}, errs.Conflict("payment.already_reversed")
	}
	b.PaidFen -= p.AmountFen
	id := p.ID
	return Payment{BillID: b.ID, MemberID: b.MemberID, AmountFen: -p.AmountFen, Method: p.Method, PaidOn: on,
		Reference: p.ReceiptNo, ReversalOf: &id, Reason: strings.TrimSpace(reason)}, nil
}

// Yuan formats fen as yuan with two decimals, for messages.
func Yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100)
}
