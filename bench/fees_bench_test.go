package bench

import (
	"fmt"
	"testing"
	"time"

	"huiguan/testkit"
)

// Ledger rows written straight to the tables: the benchmark measures reading
// the ledger, not the use cases that write it (those have their own tests).
type benchBill struct {
	ID         int64 `gorm:"primaryKey"`
	BillNo     string
	MemberID   int64
	Year       int
	TierID     int64
	StandardID int64
	AmountFen  int64
	PaidFen    int64
	IssuerID   int64
	DueOn      time.Time
	Cancelled  bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func (benchBill) TableName() string { return "bills" }

type benchFundEntry struct {
	ID          int64 `gorm:"primaryKey"`
	Direction   string
	AmountFen   int64
	Category    string
	Year        int
	PostedOn    time.Time
	Description string
	Responsible string
	Keeper      string
	CreatedBy   string
	CreatedAt   time.Time
}

func (benchFundEntry) TableName() string { return "fund_entries" }

// seedLedger writes five years of dues for every unit — a bill each, eight in
// ten paid with its income entry in the fund — and a few hundred expenses a
// year: about 900,000 ledger rows at 100,000 units.
func seedLedger(b *testing.B, f *fixture, lastYear int) int {
	gdb := f.k.Sys.DB.Gorm
	fees := []int64{5_000_000, 2_000_000, 800_000, 200_000}
	rows := 0
	for year := lastYear - 4; year <= lastYear; year++ {
		due := time.Date(year, 3, 31, 0, 0, 0, 0, time.UTC)
		bills := make([]benchBill, 0, 5000)
		funds := make([]benchFundEntry, 0, 5000)
		flush := func() {
			if err := gdb.CreateInBatches(&bills, 1000).Error; err != nil {
				b.Fatal(err)
			}
			if len(funds) > 0 {
				if err := gdb.CreateInBatches(&funds, 1000).Error; err != nil {
					b.Fatal(err)
				}
			}
			rows += len(bills) + len(funds)
			bills, funds = bills[:0], funds[:0]
		}
		for i, u := range f.units {
			tier := i % len(f.tiers)
			bill := benchBill{BillNo: fmt.Sprintf("HF%d-%06d", year, i+1), MemberID: u.ID, Year: year, TierID: f.tiers[tier],
				StandardID: int64(tier + 1), AmountFen: fees[tier], DueOn: due, CreatedAt: due, UpdatedAt: due}
			if i%10 < 8 {
				bill.PaidFen = bill.AmountFen
				funds = append(funds, benchFundEntry{Direction: "income", AmountFen: bill.AmountFen, Category: "dues", Year: year,
					PostedOn: due, Description: "会费", Responsible: "林会计", Keeper: "林会计", CreatedBy: "bench", CreatedAt: due})
			}
			bills = append(bills, bill)
			if len(bills) == cap(bills) {
				flush()
			}
		}
		for i := range 300 {
			cat := []string{"member_service", "business_activity", "member_service", "administration", "other"}[i%5]
			funds = append(funds, benchFundEntry{Direction: "expense", AmountFen: int64(100_000 + i*1_000), Category: cat, Year: year,
				PostedOn: due, Description: "支出", Responsible: "陈秘书长", Keeper: "林会计", CreatedBy: "bench", CreatedAt: due})
		}
		flush()
	}
	return rows
}

// BenchmarkFees measures the annual disclosure over five years of dues for
// the whole roster: drafting it sums the year's bills by tier and the fund's
// income and expenses, the year's and all years before.
func BenchmarkFees(b *testing.B) {
	for _, name := range targets(b) {
		b.Run(name, func(b *testing.B) {
			f := setup(b, name)
			year := f.k.Clock.Now().Year() - 1
			start := time.Now()
			rows := seedLedger(b, f, year)
			b.Logf("%s: seeded %d ledger rows in %s", name, rows, time.Since(start).Round(time.Millisecond))
			if err := f.k.Sys.Fees.SetKeeper(testkit.Ctx(), "林会计"); err != nil {
				b.Fatal(err)
			}
			f.k.CreateUser("caiwu", "finance")
			f.login(b, "caiwu", "caiwu-password")
			b.Run("disclosure_draft", func(b *testing.B) {
				body := fmt.Sprintf(`{"year":%d}`, year)
				for b.Loop() {
					f.post(b, "/api/v1/disclosures", body, 201)
				}
			})
			b.Run("disclosure_read", func(b *testing.B) {
				for b.Loop() {
					f.fetch(b, fmt.Sprintf("/api/v1/disclosures/%d", year))
				}
			})
		})
	}
}
