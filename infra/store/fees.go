package store

import (
	"context"
	"errors"
	"strconv"
	"time"

	"gorm.io/gorm/clause"

	"huiguan/app"
	appfee "huiguan/app/fee"
	"huiguan/domain/errs"
	"huiguan/domain/fee"
)

// chinaTime is the zone days are counted in (China keeps no daylight saving).
var chinaTime = time.FixedZone("CST", 8*3600)

// Fees stores dues: standards, bills, the payment ledger, the fund,
// disclosures, idempotency keys and notices.
type Fees struct{ s *Store }

// NewFees returns the dues repository.
func NewFees(s *Store) *Fees { return &Fees{s: s} }

var _ appfee.Store = (*Fees)(nil)

type feeStandardRecord struct {
	ID           int64 `gorm:"primaryKey"`
	TierID       int64
	Year         int
	AmountFen    int64
	ResolutionID int64
	CreatedAt    time.Time
}

func (feeStandardRecord) TableName() string { return "fee_standards" }

// CreateStandard inserts a standard; (tier, year) is unique.
func (f *Fees) CreateStandard(ctx context.Context, st *fee.Standard) error {
	rec := feeStandardRecord{TierID: st.TierID, Year: st.Year, AmountFen: st.AmountFen, ResolutionID: st.ResolutionID}
	if err := f.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	st.ID = rec.ID
	return nil
}

func (r feeStandardRecord) toDomain() fee.Standard {
	return fee.Standard{ID: r.ID, TierID: r.TierID, Year: r.Year, AmountFen: r.AmountFen, ResolutionID: r.ResolutionID}
}

// Standards lists a year's standards, or all when year is 0.
func (f *Fees) Standards(ctx context.Context, year int) ([]fee.Standard, error) {
	q := f.s.conn(ctx).Order("year DESC, tier_id")
	if year != 0 {
		q = q.Where("year = ?", year)
	}
	var recs []feeStandardRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]fee.Standard, len(recs))
	for i, r := range recs {
		out[i] = r.toDomain()
	}
	return out, nil
}

// StandardFor returns a tier's standard for a year.
func (f *Fees) StandardFor(ctx context.Context, tierID int64, year int) (fee.Standard, error) {
	var rec feeStandardRecord
	if err := f.s.conn(ctx).Where("tier_id = ? AND year = ?", tierID, year).Take(&rec).Error; err != nil {
		return fee.Standard{}, translate(err)
	}
	return rec.toDomain(), nil
}

type billRecord struct {
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

func (billRecord) TableName() string { return "bills" }

func (r billRecord) toDomain() fee.Bill {
	return fee.Bill{ID: r.ID, BillNo: r.BillNo, MemberID: r.MemberID, Year: r.Year, TierID: r.TierID, StandardID: r.StandardID,
		AmountFen: r.AmountFen, PaidFen: r.PaidFen, IssuerID: r.IssuerID, DueOn: r.DueOn.UTC(), Cancelled: r.Cancelled, CreatedAt: r.CreatedAt.UTC()}
}

// BilledMembers returns the units billed for a year.
func (f *Fees) BilledMembers(ctx context.Context, year int) (map[int64]bool, error) {
	var ids []int64
	if err := f.s.conn(ctx).Model(&billRecord{}).Where("year = ?", year).Pluck("member_id", &ids).Error; err != nil {
		return nil, translate(err)
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// CreateBills inserts bills in batches; the unique (member, year) index
// refuses a second dues bill whoever issues it.
func (f *Fees) CreateBills(ctx context.Context, bs []*fee.Bill) error {
	recs := make([]billRecord, len(bs))
	for i, b := range bs {
		recs[i] = billRecord{BillNo: b.BillNo, MemberID: b.MemberID, Year: b.Year, TierID: b.TierID, StandardID: b.StandardID,
			AmountFen: b.AmountFen, IssuerID: b.IssuerID, DueOn: b.DueOn, CreatedAt: b.CreatedAt, UpdatedAt: b.CreatedAt}
	}
	if err := f.s.conn(ctx).CreateInBatches(&recs, 1000).Error; err != nil {
		return translate(err)
	}
	for i := range bs {
		bs[i].ID = recs[i].ID
	}
	return nil
}

// Bill loads a bill.
func (f *Fees) Bill(ctx context.Context, id int64) (fee.Bill, error) {
	var rec billRecord
	if err := f.s.conn(ctx).Where("id = ?", id).Take(&rec).Error; err != nil {
		return fee.Bill{}, translate(err)
	}
	return rec.toDomain(), nil
}

// BillForUpdate loads and locks a bill.
func (f *Fees) BillForUpdate(ctx context.Context, id int64) (fee.Bill, error) {
	var rec billRecord
	if err := f.s.forUpdate(f.s.conn(ctx)).Where("id = ?", id).Take(&rec).Error; err != nil {
		return fee.Bill{}, translate(err)
	}
	return rec.toDomain(), nil
}

// SaveBillPaid writes the bill's paid total (derived from the ledger under the bill's lock).
func (f *Fees) SaveBillPaid(ctx context.Context, b fee.Bill) error {
	return translate(f.s.conn(ctx).Model(&billRecord{}).Where("id = ?", b.ID).
		Updates(map[string]any{"paid_fen": b.PaidFen, "updated_at": time.Now().UTC()}).Error)
}

// CancelBill marks a bill cancelled.
func (f *Fees) CancelBill(ctx context.Context, id int64) error {
	return translate(f.s.conn(ctx).Model(&billRecord{}).Where("id = ?", id).
		Updates(map[string]any{"cancelled": true, "updated_at": time.Now().UTC()}).Error)
}

// Bills lists bills, newest first.
func (f *Fees) Bills(ctx context.Context, bf appfee.BillFilter, p app.Page) (app.List[fee.Bill], error) {
	q := f.s.conn(ctx).Model(&billRecord{})
	if bf.Year != 0 {
		q = q.Where("year = ?", bf.Year)
	}
	if bf.MemberID != 0 {
		q = q.Where("member_id = ?", bf.MemberID)
	}
	if bf.TierID != 0 {
		q = q.Where("tier_id = ?", bf.TierID)
	}
	switch bf.Status {
	case "unpaid":
		q = q.Where("cancelled = ? AND paid_fen = 0", false)
	case "partial":
		q = q.Where("cancelled = ? AND paid_fen > 0 AND paid_fen < amount_fen", false)
	case "paid":
		q = q.Where("cancelled = ? AND paid_fen >= amount_fen", false)
	case "cancelled":
		q = q.Where("cancelled = ?", true)
	case "outstanding":
		q = q.Where("cancelled = ? AND paid_fen < amount_fen", false)
	case "overdue":
		q = q.Where("cancelled = ? AND paid_fen < amount_fen AND due_on < ?", false, bf.Today)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[fee.Bill]{}, translate(err)
	}
	var recs []billRecord
	if err := q.Order("year DESC, id DESC").Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[fee.Bill]{}, translate(err)
	}
	out := app.List[fee.Bill]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]fee.Bill, len(recs))}
	for i, r := range recs {
		out.Items[i] = r.toDomain()
	}
	return out, nil
}

type paymentRecord struct {
	ID         int64 `gorm:"primaryKey"`
	ReceiptNo  string
	BillID     int64
	MemberID   int64
	AmountFen  int64
	Method     string
	PaidOn     time.Time
	Reference  string
	ReversalOf *int64
	ReversedBy *int64
	Reason     string
	CreatedBy  string
	CreatedAt  time.Time
}

func (paymentRecord) TableName() string { return "payments" }

func (r paymentRecord) toDomain() fee.Payment {
	return fee.Payment{ID: r.ID, ReceiptNo: r.ReceiptNo, BillID: r.BillID, MemberID: r.MemberID, AmountFen: r.AmountFen,
		Method: fee.Method(r.Method), PaidOn: r.PaidOn.UTC(), Reference: r.Reference, ReversalOf: r.ReversalOf, ReversedBy: r.ReversedBy,
		Reason: r.Reason, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.UTC()}
}

// CreatePayment appends a ledger entry.
func (f *Fees) CreatePayment(ctx context.Context, p *fee.Payment) error {
	rec := paymentRecord{ReceiptNo: p.ReceiptNo, BillID: p.BillID, MemberID: p.MemberID, AmountFen: p.AmountFen, Method: string(p.Method),
		PaidOn: p.PaidOn, Reference: p.Reference, ReversalOf: p.ReversalOf, Reason: p.Reason, CreatedBy: p.CreatedBy, CreatedAt: p.CreatedAt}
	if err := f.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	p.ID = rec.ID
	return nil
}

// MarkReversed records the entry that reverses a payment; it is the only
// write to an existing ledger row, and it happens once.
func (f *Fees) MarkReversed(ctx context.Context, paymentID, reversalID int64) error {
	res := f.s.conn(ctx).Model(&paymentRecord{}).Where("id = ? AND reversed_by IS NULL", paymentID).Update("reversed_by", reversalID)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected != 1 {
		return errs.Conflict("payment.already_reversed")
	}
	return nil
}

// Payment loads a ledger entry.
func (f *Fees) Payment(ctx context.Context, id int64) (fee.Payment, error) {
	var rec paymentRecord
	if err := f.s.conn(ctx).Where("id = ?", id).Take(&rec).Error; err != nil {
		return fee.Payment{}, translate(err)
	}
	return rec.toDomain(), nil
}

// Payments lists ledger entries, newest first.
func (f *Fees) Payments(ctx context.Context, pf appfee.PaymentFilter, p app.Page) (app.List[fee.Payment], error) {
	q := f.s.conn(ctx).Model(&paymentRecord{})
	if pf.BillID != 0 {
		q = q.Where("bill_id = ?", pf.BillID)
	}
	if pf.MemberID != 0 {
		q = q.Where("member_id = ?", pf.MemberID)
	}
	if pf.Year != 0 {
		from := time.Date(pf.Year, 1, 1, 0, 0, 0, 0, chinaTime)
		q = q.Where("paid_on >= ? AND paid_on < ?", from, from.AddDate(1, 0, 0))
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[fee.Payment]{}, translate(err)
	}
	var recs []paymentRecord
	if err := q.Order("id DESC").Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[fee.Payment]{}, translate(err)
	}
	out := app.List[fee.Payment]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]fee.Payment, len(recs))}
	for i, r := range recs {
		out.Items[i] = r.toDomain()
	}
	return out, nil
}

type fundEntryRecord struct {
	ID          int64 `gorm:"primaryKey"`
	Direction   string
	AmountFen   int64
	Category    string
	Year        int
	PostedOn    time.Time
	Description string
	Responsible string
	Keeper      string
	PaymentID   *int64
	ReversalOf  *int64
	CreatedBy   string
	CreatedAt   time.Time
}

func (fundEntryRecord) TableName() string { return "fund_entries" }

func (r fundEntryRecord) toDomain() fee.FundEntry {
	return fee.FundEntry{ID: r.ID, Direction: fee.Direction(r.Direction), AmountFen: r.AmountFen, Category: fee.Category(r.Category),
		Year: r.Year, PostedOn: r.PostedOn.UTC(), Description: r.Description, Responsible: r.Responsible, Keeper: r.Keeper,
		PaymentID: r.PaymentID, ReversalOf: r.ReversalOf, CreatedBy: r.CreatedBy}
}

// CreateFundEntry appends to the fund.
func (f *Fees) CreateFundEntry(ctx context.Context, e *fee.FundEntry) error {
	rec := fundEntryRecord{Direction: string(e.Direction), AmountFen: e.AmountFen, Category: string(e.Category), Year: e.Year,
		PostedOn: e.PostedOn, Description: e.Description, Responsible: e.Responsible, Keeper: e.Keeper, PaymentID: e.PaymentID,
		ReversalOf: e.ReversalOf, CreatedBy: e.CreatedBy, CreatedAt: time.Now().UTC()}
	if err := f.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	e.ID = rec.ID
	return nil
}

// FundEntry loads a fund entry.
func (f *Fees) FundEntry(ctx context.Context, id int64) (fee.FundEntry, error) {
	var rec fundEntryRecord
	if err := f.s.conn(ctx).Where("id = ?", id).Take(&rec).Error; err != nil {
		return fee.FundEntry{}, translate(err)
	}
	return rec.toDomain(), nil
}

// FundEntryForPayment finds the income entry a payment posted.
func (f *Fees) FundEntryForPayment(ctx context.Context, paymentID int64) (fee.FundEntry, error) {
	var rec fundEntryRecord
	if err := f.s.conn(ctx).Where("payment_id = ?", paymentID).Take(&rec).Error; err != nil {
		return fee.FundEntry{}, translate(err)
	}
	return rec.toDomain(), nil
}

// FundEntries lists the fund, newest first.
func (f *Fees) FundEntries(ctx context.Context, ff appfee.FundFilter, p app.Page) (app.List[fee.FundEntry], error) {
	q := f.s.conn(ctx).Model(&fundEntryRecord{})
	if ff.Year != 0 {
		q = q.Where("year = ?", ff.Year)
	}
	if ff.Direction != "" {
		q = q.Where("direction = ?", ff.Direction)
	}
	if ff.Category != "" {
		q = q.Where("category = ?", ff.Category)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[fee.FundEntry]{}, translate(err)
	}
	var recs []fundEntryRecord
	if err := q.Order("posted_on DESC, id DESC").Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[fee.FundEntry]{}, translate(err)
	}
	out := app.List[fee.FundEntry]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]fee.FundEntry, len(recs))}
	for i, r := range recs {
		out.Items[i] = r.toDomain()
	}
	return out, nil
}

// FundTotals sums the fund by direction and expense category.
func (f *Fees) FundTotals(ctx context.Context, year int, onlyYear bool) (appfee.FundTotals, error) {
	q := f.s.conn(ctx).Model(&fundEntryRecord{}).Select("direction AS d, category AS c, SUM(amount_fen) AS n")
	if onlyYear {
		q = q.Where("year = ?", year)
	} else {
		q = q.Where("year <= ?", year)
	}
	var rows []struct {
		D string
		C string
		N int64
	}
	if err := q.Group("direction, category").Scan(&rows).Error; err != nil {
		return appfee.FundTotals{}, translate(err)
	}
	t := appfee.FundTotals{ExpensesByCategory: map[fee.Category]int64{}}
	for _, r := range rows {
		if fee.Direction(r.D) == fee.Income {
			t.IncomeFen += r.N
		} else {
			t.ExpenseFen += r.N
			t.ExpensesByCategory[fee.Category(r.C)] += r.N
		}
	}
	return t, nil
}

// YearFigures sums a year's dues bills by tier.
func (f *Fees) YearFigures(ctx context.Context, year int) ([]fee.TierFigures, error) {
	var rows []struct {
		TierID    int64
		Units     int64
		Billed    int64
		Collected int64
	}
	err := f.s.conn(ctx).Model(&billRecord{}).
		Select("tier_id, COUNT(*) AS units, SUM(amount_fen) AS billed, SUM(paid_fen) AS collected").
		Where("year = ? AND cancelled = ?", year, false).Group("tier_id").Order("tier_id").Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	out := make([]fee.TierFigures, len(rows))
	for i, r := range rows {
		out[i] = fee.TierFigures{TierID: r.TierID, Units: r.Units, BilledFen: r.Billed, CollectedFen: r.Collected}
	}
	return out, nil
}

type disclosureRecord struct {
	ID          int64 `gorm:"primaryKey"`
	Year        int
	Version     int
	Status      string
	Figures     string
	ChangeNote  string
	Author      string
	DraftedAt   time.Time
	Verifier    string
	VerifiedAt  *time.Time
	Approver    string
	ApprovedAt  *time.Time
	Publisher   string
	PublishedAt *time.Time
}

func (disclosureRecord) TableName() string { return "disclosures" }

func (r disclosureRecord) toDomain() (fee.Disclosure, error) {
	d := fee.Disclosure{ID: r.ID, Year: r.Year, Version: r.Version, Status: fee.DisclosureStatus(r.Status), ChangeNote: r.ChangeNote,
		Author: r.Author, DraftedAt: r.DraftedAt.UTC(), Verifier: r.Verifier, VerifiedAt: utcPtr(r.VerifiedAt), Approver: r.Approver,
		ApprovedAt: utcPtr(r.ApprovedAt), Publisher: r.Publisher, PublishedAt: utcPtr(r.PublishedAt)}
	return d, fromJSON(r.Figures, &d.Figures)
}

// SaveDisclosure inserts or updates a version. A published version is
// frozen: the only later write to it marks it replaced.
func (f *Fees) SaveDisclosure(ctx context.Context, d *fee.Disclosure) error {
	rec := disclosureRecord{ID: d.ID, Year: d.Year, Version: d.Version, Status: string(d.Status), Figures: toJSON(d.Figures),
		ChangeNote: d.ChangeNote, Author: d.Author, DraftedAt: d.DraftedAt, Verifier: d.Verifier, VerifiedAt: d.VerifiedAt,
		Approver: d.Approver, ApprovedAt: d.ApprovedAt, Publisher: d.Publisher, PublishedAt: d.PublishedAt}
	if d.ID == 0 {
		if err := f.s.conn(ctx).Create(&rec).Error; err != nil {
			return translate(err)
		}
		d.ID = rec.ID
		return nil
	}
	q := f.s.conn(ctx).Model(&disclosureRecord{ID: rec.ID})
	if d.Status == fee.Replaced {
		return translate(q.Where("status = ?", string(fee.Published)).Update("status", string(fee.Replaced)).Error)
	}
	return translate(q.Where("status <> ?", string(fee.Published)).Select("*").Omit("id").Updates(&rec).Error)
}

// Disclosure loads a version.
func (f *Fees) Disclosure(ctx context.Context, year, version int) (fee.Disclosure, error) {
	var rec disclosureRecord
	if err := f.s.conn(ctx).Where("year = ? AND version = ?", year, version).Take(&rec).Error; err != nil {
		return fee.Disclosure{}, translate(err)
	}
	return rec.toDomain()
}

// LatestDisclosure loads a year's newest version.
func (f *Fees) LatestDisclosure(ctx context.Context, year int) (fee.Disclosure, error) {
	var rec disclosureRecord
	if err := f.s.forUpdate(f.s.conn(ctx)).Where("year = ?", year).Order("version DESC").Take(&rec).Error; err != nil {
		return fee.Disclosure{}, translate(err)
	}
	return rec.toDomain()
}

// Disclosures lists versions, newest year first.
func (f *Fees) Disclosures(ctx context.Context, publishedOnly bool) ([]fee.Disclosure, error) {
	q := f.s.conn(ctx).Order("year DESC, version DESC")
	if publishedOnly {
		q = q.Where("status IN ?", []string{string(fee.Published), string(fee.Replaced)})
	}
	var recs []disclosureRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]fee.Disclosure, 0, len(recs))
	for _, r := range recs {
		d, err := r.toDomain()
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

type feedbackRecord struct {
	ID        int64 `gorm:"primaryKey"`
	Year      int
	Version   int
	MemberID  int64
	Kind      string
	Text      string
	Author    string
	Reply     string
	RepliedBy string
	CreatedAt time.Time
	RepliedAt *time.Time
}

func (feedbackRecord) TableName() string { return "disclosure_feedback" }

func (r feedbackRecord) toApp() appfee.Feedback {
	return appfee.Feedback{ID: r.ID, Year: r.Year, Version: r.Version, MemberID: r.MemberID, Kind: r.Kind, Text: r.Text, Author: r.Author,
		Reply: r.Reply, RepliedBy: r.RepliedBy, CreatedAt: r.CreatedAt.UTC(), RepliedAt: utcPtr(r.RepliedAt)}
}

// AddFeedback stores a member's feedback.
func (f *Fees) AddFeedback(ctx context.Context, fb *appfee.Feedback) error {
	rec := feedbackRecord{Year: fb.Year, Version: fb.Version, MemberID: fb.MemberID, Kind: fb.Kind, Text: fb.Text, Author: fb.Author, CreatedAt: fb.CreatedAt}
	if err := f.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	fb.ID = rec.ID
	return nil
}

// Feedback lists feedback on a year (0: all years), one unit's or all.
func (f *Fees) Feedback(ctx context.Context, year int, memberID int64) ([]appfee.Feedback, error) {
	q := f.s.conn(ctx).Order("id DESC")
	if year != 0 {
		q = q.Where("year = ?", year)
	}
	if memberID != 0 {
		q = q.Where("member_id = ?", memberID)
	}
	var recs []feedbackRecord
	if err := q.Limit(500).Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]appfee.Feedback, len(recs))
	for i, r := range recs {
		out[i] = r.toApp()
	}
	return out, nil
}

// FeedbackForUpdate loads and locks one feedback.
func (f *Fees) FeedbackForUpdate(ctx context.Context, id int64) (appfee.Feedback, error) {
	var rec feedbackRecord
	if err := f.s.forUpdate(f.s.conn(ctx)).Where("id = ?", id).Take(&rec).Error; err != nil {
		return appfee.Feedback{}, translate(err)
	}
	return rec.toApp(), nil
}

// SaveFeedbackReply stores a reply.
func (f *Fees) SaveFeedbackReply(ctx context.Context, fb appfee.Feedback) error {
	return translate(f.s.conn(ctx).Model(&feedbackRecord{}).Where("id = ?", fb.ID).
		Updates(map[string]any{"reply": fb.Reply, "replied_by": fb.RepliedBy, "replied_at": fb.RepliedAt}).Error)
}

type idempotencyRecord struct {
	Key         string `gorm:"primaryKey"`
	Scope       string
	RequestHash string
	Status      int
	Response    string
	CreatedAt   time.Time
}

func (idempotencyRecord) TableName() string { return "idempotency_keys" }

// ClaimIdempotencyKey inserts the key; when it exists it returns what was
// stored. The insert happens in the request's transaction, so a concurrent
// retry waits for the first to commit and then sees its result.
func (f *Fees) ClaimIdempotencyKey(ctx context.Context, key, scope, hash string) (bool, string, int64, error) {
	rec := idempotencyRecord{Key: scope + ":" + key, Scope: scope, RequestHash: hash, CreatedAt: time.Now().UTC()}
	err := translate(f.s.conn(ctx).Create(&rec).Error)
	if err == nil {
		return false, "", 0, nil
	}
	if !errors.Is(err, errs.ErrConflict) {
		return false, "", 0, err
	}
	var got idempotencyRecord
	if err := f.s.conn(ctx).Where("`key` = ?", scope+":"+key).Take(&got).Error; err != nil {
		return false, "", 0, translate(err)
	}
	result, _ := strconv.ParseInt(got.Response, 10, 64)
	return true, got.RequestHash, result, nil
}

// SetIdempotencyResult stores the result of a claimed key.
func (f *Fees) SetIdempotencyResult(ctx context.Context, key, scope string, result int64) error {
	return translate(f.s.conn(ctx).Model(&idempotencyRecord{}).Where("`key` = ?", scope+":"+key).
		Updates(map[string]any{"status": 201, "response": strconv.FormatInt(result, 10)}).Error)
}

type noticeRecord struct {
	ID        int64 `gorm:"primaryKey"`
	MemberID  int64
	Kind      string
	Title     string
	Body      string
	DedupKey  string
	CreatedAt time.Time
	ReadAt    *time.Time
}

func (noticeRecord) TableName() string { return "notices" }

// AddNotice stores a notice unless one with its dedup key exists.
func (f *Fees) AddNotice(ctx context.Context, n appfee.Notice) (bool, error) {
	rec := noticeRecord{MemberID: n.MemberID, Kind: n.Kind, Title: n.Title, Body: n.Body, DedupKey: n.DedupKey, CreatedAt: n.CreatedAt}
	res := f.s.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&rec)
	return res.RowsAffected == 1, translate(res.Error)
}

// Notices lists a unit's notices, newest first.
func (f *Fees) Notices(ctx context.Context, memberID int64, p app.Page) (app.List[appfee.Notice], error) {
	q := f.s.conn(ctx).Model(&noticeRecord{}).Where("member_id = ?", memberID)
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[appfee.Notice]{}, translate(err)
	}
	var recs []noticeRecord
	if err := q.Order("id DESC").Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[appfee.Notice]{}, translate(err)
	}
	out := app.List[appfee.Notice]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]appfee.Notice, len(recs))}
	for i, r := range recs {
		out.Items[i] = appfee.Notice{ID: r.ID, MemberID: r.MemberID, Kind: r.Kind, Title: r.Title, Body: r.Body, DedupKey: r.DedupKey,
			CreatedAt: r.CreatedAt.UTC(), ReadAt: utcPtr(r.ReadAt)}
	}
	return out, nil
}

// MarkNoticeRead marks a unit's notice read.
func (f *Fees) MarkNoticeRead(ctx context.Context, memberID, id int64, at time.Time) error {
	res := f.s.conn(ctx).Model(&noticeRecord{}).Where("id = ? AND member_id = ?", id, memberID).Update("read_at", at)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return errs.NotFound("notice")
	}
	return nil
}
