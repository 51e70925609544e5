package fee

import (
	"fmt"
	"strings"
	"time"

	"huiguan/domain/errs"
)

// DisclosureStatus is where the year's disclosure is.
type DisclosureStatus string

// Disclosure statuses: finance drafts, another person verifies (7.3.4.3),
// the board approves, then it is published to members and frozen.
const (
	Draft     DisclosureStatus = "draft"
	Verified  DisclosureStatus = "verified"
	Approved  DisclosureStatus = "approved"
	Published DisclosureStatus = "published"
	Replaced  DisclosureStatus = "replaced" // a published version later revised
)

// TierFigures are one tier's dues for the year.
type TierFigures struct {
	TierID       int64
	TierName     string
	Units        int64
	BilledFen    int64
	CollectedFen int64
}

// Figures are the disclosed numbers, computed from the ledger.
type Figures struct {
	Tiers              []TierFigures
	BilledFen          int64
	CollectedFen       int64
	CollectionRateBP   int64 // basis points: 9650 = 96.50 %
	ExpensesByCategory map[Category]int64
	ExpenseFen         int64
	IncomeFen          int64 // fund income posted in the year (dues collected, net of reversals)
	BroughtForwardFen  int64
	CarriedForwardFen  int64
	MainUseShareBP     int64
	HasExpenses        bool
}

// Disclosure is the annual income and expense disclosure of the fee fund.
type Disclosure struct {
	ID          int64
	Year        int
	Version     int
	Status      DisclosureStatus
	Figures     Figures
	ChangeNote  string // what a revision changed
	Author      string
	DraftedAt   time.Time
	Verifier    string
	VerifiedAt  *time.Time
	Approver    string
	ApprovedAt  *time.Time
	Publisher   string
	PublishedAt *time.Time
}

// ClauseDisclosure is the clause on verification before publication.
const ClauseVerify = "7.3.4.3"

// Verify records the check by someone other than the author.
func (d *Disclosure) Verify(by string, at time.Time) error {
	if d.Status != Draft {
		return errs.Rule("disclosure.not_draft", "").With("status", string(d.Status))
	}
	if by == d.Author {
		return errs.Rule("disclosure.self_verify", ClauseVerify)
	}
	d.Status, d.Verifier, d.VerifiedAt = Verified, by, &at
	return nil
}

// Approve records the board's approval; the author cannot approve.
func (d *Disclosure) Approve(by string, at time.Time) error {
	if d.Status != Verified {
		return errs.Rule("disclosure.not_verified", ClauseVerify).With("status", string(d.Status))
	}
	if by == d.Author {
		return errs.Rule("disclosure.self_approve", ClauseVerify)
	}
	d.Status, d.Approver, d.ApprovedAt = Approved, by, &at
	return nil
}

// Publish makes an approved disclosure visible to members; from then on it
// is frozen.
func (d *Disclosure) Publish(by string, at time.Time) error {
	if d.Status != Approved {
		return errs.Rule("disclosure.not_approved", ClauseVerify).With("status", string(d.Status))
	}
	d.Status, d.Publisher, d.PublishedAt = Published, by, &at
	return nil
}

// Revise starts a new version of a published disclosure; the note says
// what changed, and members see it with the new version.
func (d Disclosure) Revise(note, author string, figures Figures, at time.Time) (Disclosure, error) {
	if d.Status != Published {
		return Disclosure{}, errs.Rule("disclosure.not_published", "")
	}
	if strings.TrimSpace(note) == "" {
		return Disclosure{}, errs.Field("change_note", "required")
	}
	return Disclosure{Year: d.Year, Version: d.Version + 1, Status: Draft, Figures: figures, ChangeNote: strings.TrimSpace(note),
		Author: author, DraftedAt: at}, nil
}

// Deadline is the day by which year's disclosure is due: MM-DD of the next year.
func Deadline(year int, monthDay string, loc *time.Location) time.Time {
	t, err := time.ParseInLocation("2006-01-02", fmt.Sprintf("%04d-%s", year+1, monthDay), loc)
	if err != nil {
		return time.Date(year+1, 6, 30, 0, 0, 0, 0, loc)
	}
	return t
}

// CollectionRate is collected/billed in basis points (integers only).
func CollectionRate(collected, billed int64) int64 {
	if billed <= 0 {
		return 0
	}
	return collected * 10000 / billed
}
