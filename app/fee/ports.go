// Package fee runs the dues: fee standards, bills, payments, the fee fund
// and the annual disclosure (8.1.1).
package fee

import (
	"context"
	"time"

	"huiguan/app"
	"huiguan/domain/fee"
)

// Store keeps the dues records.
type Store interface {
	CreateStandard(ctx context.Context, s *fee.Standard) error
	Standards(ctx context.Context, year int) ([]fee.Standard, error)
	StandardFor(ctx context.Context, tierID int64, year int) (fee.Standard, error)

	// BilledMembers returns the ids of units with a dues bill for the year.
	BilledMembers(ctx context.Context, year int) (map[int64]bool, error)
	CreateBills(ctx context.Context, bs []*fee.Bill) error
	Bill(ctx context.Context, id int64) (fee.Bill, error)
	BillForUpdate(ctx context.Context, id int64) (fee.Bill, error)
	SaveBillPaid(ctx context.Context, b fee.Bill) error
	CancelBill(ctx context.Context, id int64) error
	Bills(ctx context.Context, f BillFilter, p app.Page) (app.List[fee.Bill], error)

	CreatePayment(ctx context.Context, p *fee.Payment) error
	MarkReversed(ctx context.Context, paymentID, reversalID int64) error
	Payment(ctx context.Context, id int64) (fee.Payment, error)
	Payments(ctx context.Context, f PaymentFilter, p app.Page) (app.List[fee.Payment], error)

	CreateFundEntry(ctx context.Context, e *fee.FundEntry) error
	FundEntry(ctx context.Context, id int64) (fee.FundEntry, error)
	FundEntryForPayment(ctx context.Context, paymentID int64) (fee.FundEntry, error)
	FundEntries(ctx context.Context, f FundFilter, p app.Page) (app.List[fee.FundEntry], error)
	// FundTotals sums entries by direction and category up to and including year (or only year).
	FundTotals(ctx context.Context, year int, onlyYear bool) (FundTotals, error)

	// YearFigures sums the year's bills by tier.
	YearFigures(ctx context.Context, year int) ([]fee.TierFigures, error)

	SaveDisclosure(ctx context.Context, d *fee.Disclosure) error
	Disclosure(ctx context.Context, year, version int) (fee.Disclosure, error)
	LatestDisclosure(ctx context.Context, year int) (fee.Disclosure, error)
	Disclosures(ctx context.Context, publishedOnly bool) ([]fee.Disclosure, error)
	AddFeedback(ctx context.Context, f *Feedback) error
	Feedback(ctx context.Context, year int, memberID int64) ([]Feedback, error)
	FeedbackForUpdate(ctx context.Context, id int64) (Feedback, error)
	SaveFeedbackReply(ctx context.Context, f Feedback) error

	// ClaimIdempotencyKey stores key with its request hash, or returns the
	// stored hash and result when the key was used before.
	ClaimIdempotencyKey(ctx context.Context, key, scope, hash string) (used bool, storedHash string, result int64, err error)
	SetIdempotencyResult(ctx context.Context, key, scope string, result int64) error

	AddNotice(ctx context.Context, n Notice) (bool, error)
	Notices(ctx context.Context, memberID int64, p app.Page) (app.List[Notice], error)
	MarkNoticeRead(ctx context.Context, memberID, id int64, at time.Time) error
}

// BillFilter narrows bills.
type BillFilter struct {
	Year     int
	MemberID int64
	TierID   int64
	Status   string // unpaid, partial, paid, cancelled, outstanding, overdue
	Today    time.Time
}

// PaymentFilter narrows payments.
type PaymentFilter struct {
	BillID   int64
	MemberID int64
	Year     int
}

// FundFilter narrows fund entries.
type FundFilter struct {
	Year      int
	Direction string
	Category  string
}

// FundTotals are sums of the fund.
type FundTotals struct {
	IncomeFen          int64
	ExpenseFen         int64
	ExpensesByCategory map[fee.Category]int64
}

// Feedback is a member's question or objection about a disclosure (接受其监督).
type Feedback struct {
	ID        int64
	Year      int
	Version   int
	MemberID  int64
	Kind      string // question, objection
	Text      string
	Author    string
	Reply     string
	RepliedBy string
	CreatedAt time.Time
	RepliedAt *time.Time
}

// Notice is a message to a member unit in the portal.
type Notice struct {
	ID        int64
	MemberID  int64
	Kind      string
	Title     string
	Body      string
	DedupKey  string
	CreatedAt time.Time
	ReadAt    *time.Time
}

// Registry is what the dues ask of the member registry.
type Registry interface {
	TierNames(ctx context.Context) (map[int64]string, error)
	ActiveTier(ctx context.Context, tierID int64) (bool, error)
	// EachBillable calls fn for every current unit (active or suspended).
	EachBillable(ctx context.Context, fn func(memberID, tierID int64) error) error
	// Billable returns a unit's tier when it is current.
	Billable(ctx context.Context, memberID int64) (tierID int64, ok bool, err error)
	Names(ctx context.Context, ids []int64) (map[int64]string, error)
}

// Decisions is what the dues ask of the governance register.
type Decisions interface {
	// FeeStandard checks that resolutionID is a passed, current fee-standard
	// resolution of the general assembly and returns the day it was taken.
	FeeStandard(ctx context.Context, resolutionID int64) (time.Time, error)
	// Branch reports whether a branch exists and is active.
	ActiveBranch(ctx context.Context, branchID int64) (bool, error)
	AssociationName(ctx context.Context) (string, error)
}

// Locks hands out sequence numbers and serialises bill generation.
type Locks interface {
	Lock(ctx context.Context, name string) error
	Next(ctx context.Context, sequence string) (int64, error)
	// NextN reserves n numbers and returns the first.
	NextN(ctx context.Context, sequence string, n int64) (int64, error)
}

// Settings stores the fund's keeper.
type Settings interface {
	Get(ctx context.Context, key string) (string, bool, error)
	Set(ctx context.Context, key, value string) error
}

// Policy is the dues configuration.
type Policy struct {
	DueMonthDay        string // bills fall due on this day of their year, "03-31"
	DisclosureDeadline string // "06-30" of the next year
	MainUseShareBP     int64  // FEE_MAIN_USE_SHARE in basis points
}
