package fee_test

import (
	"errors"
	"testing"
	"time"

	"huiguan/domain/errs"
	"huiguan/domain/fee"
)

var loc = time.FixedZone("CST", 8*3600)

func TestStandards(t *testing.T) {
	t.Parallel()
	s, err := fee.NewStandard(1, 2026, 200000, 7)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		tier   int64
		year   int
		amount int64
	}{"zero": {1, 2026, 0}, "negative": {1, 2026, -1}, "year": {1, 1999, 100}, "tier": {0, 2026, 100}} {
		if _, err := fee.NewStandard(c.tier, c.year, c.amount, 7); !errors.Is(err, errs.ErrInvalid) {
			t.Errorf("%s accepted", name)
		}
	}
	if err := fee.CheckResolutionDate(s, time.Date(2025, 12, 20, 0, 0, 0, 0, loc), loc); err != nil {
		t.Fatalf("resolution before the year: %v", err)
	}
	if err := fee.CheckResolutionDate(s, time.Date(2026, 1, 1, 0, 0, 0, 0, loc), loc); err != nil {
		t.Fatalf("resolution on the effective day: %v", err)
	}
	err = fee.CheckResolutionDate(s, time.Date(2026, 3, 1, 0, 0, 0, 0, loc), loc)
	if e, ok := errs.As(err); !ok || e.Clause != "8.1.1.2" {
		t.Fatalf("resolution after the effective day: %v", err)
	}
}

func TestPaymentsAndReversals(t *testing.T) {
	t.Parallel()
	b := &fee.Bill{ID: 1, MemberID: 9, AmountFen: 200000}
	on := time.Date(2026, 3, 1, 0, 0, 0, 0, loc)
	if b.Status() != fee.Unpaid {
		t.Fatal("new bill is unpaid")
	}
	p, err := fee.Pay(b, 50000, fee.BankTransfer, on, "BANK-1")
	if err != nil || b.Status() != fee.Partial || b.OutstandingFen() != 150000 {
		t.Fatalf("partial: %v %+v", err, b)
	}
	if _, err := fee.Pay(b, 150001, fee.Cash, on, ""); !errors.Is(err, errs.ErrRule) {
		t.Fatalf("overpayment: %v", err)
	}
	if _, err := fee.Pay(b, 0, fee.Cash, on, ""); !errors.Is(err, errs.ErrInvalid) {
		t.Fatalf("zero: %v", err)
	}
	if _, err := fee.Pay(b, 150000, fee.Cash, on, ""); err != nil || b.Status() != fee.Paid {
		t.Fatalf("settle: %v", err)
	}
	p.ID, p.ReceiptNo = 1, "SJ2026-000001"
	rev, err := fee.Reverse(b, p, "金额录入错误", on)
	if err != nil || rev.AmountFen != -50000 || *rev.ReversalOf != 1 || b.OutstandingFen() != 50000 {
		t.Fatalf("reverse: %+v %v", rev, err)
	}
	if _, err := fee.Reverse(b, rev, "x", on); !errors.Is(err, errs.ErrRule) {
		t.Fatal("a reversal cannot be reversed")
	}
	reversed := int64(2)
	p.ReversedBy = &reversed
	if _, err := fee.Reverse(b, p, "again", on); !errors.Is(err, errs.ErrConflict) {
		t.Fatal("a payment is reversed once")
	}
	if _, err := fee.Reverse(b, fee.Payment{ID: 3}, " ", on); !errors.Is(err, errs.ErrInvalid) {
		t.Fatal("a reversal needs a reason")
	}
	cancelled := &fee.Bill{AmountFen: 100, Cancelled: true}
	if _, err := fee.Pay(cancelled, 100, fee.Cash, on, ""); !errors.Is(err, errs.ErrRule) {
		t.Fatal("payment on a cancelled bill")
	}
}

func TestFund(t *testing.T) {
	t.Parallel()
	on := time.Date(2026, 3, 1, 0, 0, 0, 0, loc)
	if _, err := fee.NewExpense(100, fee.MemberService, on, "年会场地", "林会计", ""); err == nil {
		t.Fatal("posting without a keeper")
	} else if e, _ := errs.As(err); e.Clause != "8.1.1.3" {
		t.Fatalf("clause: %v", err)
	}
	if _, err := fee.NewExpense(100, fee.MemberService, on, "年会场地", "林会计", "张出纳"); err != nil {
		t.Fatal(err)
	}
	share, ok := fee.MainUseShare(map[fee.Category]int64{fee.MemberService: 500, fee.BusinessActivity: 180, fee.Administration: 320})
	if !ok || share != 6800 {
		t.Fatalf("share = %d", share)
	}
	if _, ok := fee.MainUseShare(nil); ok {
		t.Fatal("no expenses: no share")
	}
}

func TestDisclosureWorkflow(t *testing.T) {
	t.Parallel()
	at := time.Date(2027, 3, 1, 0, 0, 0, 0, loc)
	d := &fee.Disclosure{Year: 2026, Version: 1, Status: fee.Draft, Author: "caiwu"}
	if err := d.Verify("caiwu", at); err == nil {
		t.Fatal("the author cannot verify")
	} else if e, _ := errs.As(err); e.Clause != "7.3.4.3" {
		t.Fatalf("clause: %v", err)
	}
	if err := d.Approve("huizhang", at); !errors.Is(err, errs.ErrRule) {
		t.Fatal("approval before verification")
	}
	if err := d.Verify("mishu", at); err != nil {
		t.Fatal(err)
	}
	if err := d.Publish("mishu", at); !errors.Is(err, errs.ErrRule) {
		t.Fatal("publication before approval")
	}
	if err := d.Approve("huizhang", at); err != nil {
		t.Fatal(err)
	}
	if err := d.Publish("mishu", at); err != nil || d.Status != fee.Published {
		t.Fatal(err)
	}
	if _, err := d.Revise("", "caiwu", fee.Figures{}, at); !errors.Is(err, errs.ErrInvalid) {
		t.Fatal("a revision says what changed")
	}
	r, err := d.Revise("更正冷链专委会活动支出分类", "caiwu", fee.Figures{}, at)
	if err != nil || r.Version != 2 || r.Status != fee.Draft {
		t.Fatalf("revise: %+v %v", r, err)
	}
	if got := fee.Deadline(2026, "06-30", loc); !got.Equal(time.Date(2027, 6, 30, 0, 0, 0, 0, loc)) {
		t.Fatalf("deadline %v", got)
	}
	if fee.CollectionRate(9650, 10000) != 9650 || fee.CollectionRate(1, 0) != 0 {
		t.Fatal("collection rate")
	}
}
