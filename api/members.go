package api

import (
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	appmember "huiguan/app/member"
	"huiguan/domain/errs"
	"huiguan/domain/member"
)

// ---- tiers ----

type tierDTO struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	Rank         int      `json:"rank"`
	AnnualFeeFen int64    `json:"annual_fee_fen"`
	Services     []string `json:"services"`
	Rights       string   `json:"rights"`
	Obligations  string   `json:"obligations"`
	Active       bool     `json:"active"`
}

type tierRequest struct {
	Name         string   `json:"name"`
	Rank         int      `json:"rank"`
	AnnualFeeFen int64    `json:"annual_fee_fen"`
	Services     []string `json:"services"`
	Rights       string   `json:"rights"`
	Obligations  string   `json:"obligations"`
	Active       *bool    `json:"active"`
}

func toTierDTO(t member.Tier) tierDTO { return tierDTO(t) }

func (r tierRequest) tier(id int64) member.Tier {
	active := r.Active == nil || *r.Active
	return member.Tier{ID: id, Name: r.Name, Rank: r.Rank, AnnualFeeFen: r.AnnualFeeFen, Services: r.Services,
		Rights: r.Rights, Obligations: r.Obligations, Active: active}
}

func (h *handlers) listTiers(c *fiber.Ctx) error {
	active, err := queryBool(c, "active")
	if err != nil {
		return err
	}
	ts, err := h.d.Members.ListTiers(c.UserContext(), active != nil && *active)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(ts, toTierDTO)})
}

func (h *handlers) publicTiers(c *fiber.Ctx) error {
	ts, err := h.d.Members.ListTiers(c.UserContext(), true)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(ts, toTierDTO)})
}

func (h *handlers) createTier(c *fiber.Ctx) error {
	var req tierRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	t, err := h.d.Members.SaveTier(c.UserContext(), req.tier(0))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toTierDTO(t))
}

func (h *handlers) updateTier(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req tierRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	t, err := h.d.Members.SaveTier(c.UserContext(), req.tier(id))
	if err != nil {
		return err
	}
	return c.JSON(toTierDTO(t))
}

// ---- members ----

type personDTO struct {
	Name  string `json:"name"`
	Phone string `json:"phone"`
}

type contactDTO struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Phone string `json:"phone"`
	Email string `json:"email"`
}

type profileDTO struct {
	Legal      string `json:"legal"`
	Business   string `json:"business"`
	Credit     string `json:"credit"`
	Brand      string `json:"brand"`
	Capability string `json:"capability"`
}

type warningDTO struct {
	Text      string  `json:"text"`
	Level     string  `json:"level"`
	Date      string  `json:"date"`
	Source    string  `json:"source"`
	ClearedOn *string `json:"cleared_on"`
}

type memberDTO struct {
	ID                    int64        `json:"id"`
	MemberNo              string       `json:"member_no"`
	Name                  string       `json:"name"`
	USCC                  string       `json:"uscc"`
	UnitType              string       `json:"unit_type"`
	TierID                int64        `json:"tier_id"`
	TierName              string       `json:"tier_name"`
	Status                string       `json:"status"`
	CouncilUnit           bool         `json:"council_unit"`
	Address               string       `json:"address"`
	LegalRepresentative   personDTO    `json:"legal_representative"`
	MemberRepresentative  personDTO    `json:"member_representative"`
	CouncilRepresentative *personDTO   `json:"council_representative"`
	Contacts              []contactDTO `json:"contacts"`
	Industry              string       `json:"industry"`
	ChainSegment          string       `json:"chain_segment"`
	Region                string       `json:"region"`
	Channel               string       `json:"channel"`
	ApplicationRef        string       `json:"application_ref"`
	AppliedOn             string       `json:"applied_on"`
	JoinedOn              *string      `json:"joined_on"`
	LeftOn                *string      `json:"left_on"`
	LeaveReason           string       `json:"leave_reason"`
	Profile               *profileDTO  `json:"profile"`
	Warnings              []warningDTO `json:"warnings"`
	RiskLevel             string       `json:"risk_level"`
	LastReviewedAt        time.Time    `json:"last_reviewed_at"`
	Masked                []string     `json:"masked"`
}

// directoryDTO is what the public member directory shows: nothing confidential.
type directoryDTO struct {
	ID           int64  `json:"id"`
	MemberNo     string `json:"member_no"`
	Name         string `json:"name"`
	TierName     string `json:"tier_name"`
	Region       string `json:"region"`
	Industry     string `json:"industry"`
	ChainSegment string `json:"chain_segment"`
}

func day(t time.Time) string { return t.In(shanghai).Format(time.DateOnly) }

func dayPtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := day(*t)
	return &s
}

func toMemberDTO(v appmember.View) memberDTO {
	out := memberDTO{
		ID: v.ID, MemberNo: v.MemberNo, Name: v.Name, USCC: v.USCC, UnitType: string(v.UnitType), TierID: v.TierID,
		TierName: v.TierName, Status: string(v.Status), CouncilUnit: v.CouncilUnit, Address: v.Address,
		LegalRepresentative: personDTO(v.LegalRep), MemberRepresentative: personDTO(v.MemberRep),
		Contacts: mapSlice(v.Contacts, func(c appmember.ContactView) contactDTO { return contactDTO(c) }),
		Industry: v.Industry, ChainSegment: v.ChainSegment, Region: v.Region, Channel: string(v.Channel),
		ApplicationRef: v.ApplicationRef, AppliedOn: day(v.AppliedOn), JoinedOn: dayPtr(v.JoinedOn), LeftOn: dayPtr(v.LeftOn),
		LeaveReason: v.LeaveReason, RiskLevel: v.RiskLevel, LastReviewedAt: v.LastReviewedAt, Masked: v.Masked,
	}
	if out.Masked == nil {
		out.Masked = []string{}
	}
	if v.CouncilRep != nil {
		p := personDTO(*v.CouncilRep)
		out.CouncilRepresentative = &p
	}
	if v.Profile != nil {
		p := profileDTO(*v.Profile)
		out.Profile = &p
	}
	for _, w := range v.Warnings {
		out.Warnings = append(out.Warnings, warningDTO{Text: w.Text, Level: w.Level, Date: day(w.Date), Source: w.Source, ClearedOn: dayPtr(w.ClearedOn)})
	}
	if out.Warnings == nil {
		out.Warnings = []warningDTO{}
	}
	return out
}

type createMemberRequest struct {
	Name                  string       `json:"name"`
	USCC                  string       `json:"uscc"`
	TierID                int64        `json:"tier_id"`
	UnitType              string       `json:"unit_type"`
	CharterAccepted       bool         `json:"charter_accepted"`
	Overseas              bool         `json:"overseas"`
	CouncilUnit           bool         `json:"council_unit"`
	Channel               string       `json:"channel"`
	ApplicationRef        string       `json:"application_ref"`
	AppliedOn             string       `json:"applied_on"`
	Address               string       `json:"address"`
	LegalRepresentative   personDTO    `json:"legal_representative"`
	MemberRepresentative  personDTO    `json:"member_representative"`
	CouncilRepresentative *personDTO   `json:"council_representative"`
	Contacts              []contactDTO `json:"contacts"`
	Industry              string       `json:"industry"`
	ChainSegment          string       `json:"chain_segment"`
	Region                string       `json:"region"`
}

func (h *handlers) createMember(c *fiber.Ctx) error {
	var req createMemberRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	channel := member.ChannelPaper
	if req.Channel != "" {
		ch, err := member.ParseChannel(req.Channel)
		if err != nil {
			return err
		}
		channel = ch
	}
	a := member.Application{
		Name: req.Name, USCC: req.USCC, UnitType: member.UnitType(req.UnitType), TierID: req.TierID,
		CharterAccepted: req.CharterAccepted, Overseas: req.Overseas, CouncilUnit: req.CouncilUnit, Channel: channel,
		ApplicationRef: req.ApplicationRef, Industry: req.Industry, ChainSegment: req.ChainSegment, Region: req.Region,
		Roster: member.Roster{Address: req.Address, LegalRep: member.Person(req.LegalRepresentative),
			MemberRep: member.Person(req.MemberRepresentative),
			Contacts:  mapSlice(req.Contacts, func(c contactDTO) member.Contact { return member.Contact(c) })},
	}
	if req.CouncilRepresentative != nil {
		p := member.Person(*req.CouncilRepresentative)
		a.Roster.CouncilRep = &p
	}
	if req.AppliedOn != "" {
		t, err := time.ParseInLocation(time.DateOnly, req.AppliedOn, shanghai)
		if err != nil {
			return errs.Field("applied_on", "date")
		}
		a.AppliedOn = t.UTC()
	}
	v, err := h.d.Members.Apply(c.UserContext(), a)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toMemberDTO(v))
}

func (h *handlers) getMember(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	v, err := h.d.Members.Get(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(toMemberDTO(v))
}

func (h *handlers) memberHistory(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	evs, err := h.d.Members.History(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(evs, func(e appmember.Event) fiber.Map {
		return fiber.Map{"at": e.At, "from_status": e.FromStatus, "to_status": e.ToStatus, "reason": e.Reason, "ref": e.Ref, "actor_name": e.ActorName}
	})})
}

func parseStatus(s string) (member.Status, error) {
	st, err := member.ParseStatus(s)
	if err != nil {
		return "", errs.Invalid("request.invalid_query", map[string]string{"status": "invalid"})
	}
	return st, nil
}

func (h *handlers) listMembers(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	f, err := memberFilter(c)
	if err != nil {
		return err
	}
	list, err := h.d.Members.List(c.UserContext(), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toMemberDTO))
}

func (h *handlers) memberDirectory(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	list, err := h.d.Members.Directory(c.UserContext(), c.Query("q"), p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, func(v appmember.View) directoryDTO {
		return directoryDTO{ID: v.ID, MemberNo: v.MemberNo, Name: v.Name, TierName: v.TierName, Region: v.Region,
			Industry: v.Industry, ChainSegment: v.ChainSegment}
	}))
}

func (h *handlers) myUnit(c *fiber.Ctx) error {
	v, err := h.d.Members.MyUnit(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(toMemberDTO(v))
}

type transitionRequest struct {
	Reason        string `json:"reason"`
	Note          string `json:"note"`
	Approver      string `json:"approver"`
	ResolutionRef string `json:"resolution_ref"`
	ResolutionID  *int64 `json:"resolution_id"`
	Date          string `json:"date"`
}

func (h *handlers) transitMember(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := paramID(c, "id")
		if err != nil {
			return err
		}
		var req transitionRequest
		if len(c.Body()) > 0 {
			if err := decode(c, &req); err != nil {
				return err
			}
		}
		t := appmember.Transition{MemberID: id, Action: action, Reason: req.Reason, Approver: req.Approver,
			ResolutionRef: req.ResolutionRef, ResolutionID: req.ResolutionID}
		if t.Reason == "" {
			t.Reason = req.Note
		}
		if req.Date != "" {
			d, err := time.ParseInLocation(time.DateOnly, req.Date, shanghai)
			if err != nil {
				return errs.Field("date", "date")
			}
			d = d.UTC()
			t.On = &d
		}
		v, err := h.d.Members.Transit(c.UserContext(), t)
		if err != nil {
			return err
		}
		return c.JSON(toMemberDTO(v))
	}
}

func mapSlice[S, T any](in []S, f func(S) T) []T {
	out := make([]T, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}

// editMemberRequest is a PATCH: absent fields stay; council_representative
// may be null to remove it.
type editMemberRequest struct {
	Name                  *string         `json:"name"`
	Address               *string         `json:"address"`
	LegalRepresentative   *personDTO      `json:"legal_representative"`
	MemberRepresentative  *personDTO      `json:"member_representative"`
	CouncilRepresentative json.RawMessage `json:"council_representative"`
	Contacts              *[]contactDTO   `json:"contacts"`
	Industry              *string         `json:"industry"`
	ChainSegment          *string         `json:"chain_segment"`
	Region                *string         `json:"region"`
	TierID                *int64          `json:"tier_id"`
	CouncilUnit           *bool           `json:"council_unit"`
	Profile               *profileDTO     `json:"profile"`
	Warnings              *[]warningDTO   `json:"warnings"`
}

func (r editMemberRequest) edit() (member.Edit, error) {
	e := member.Edit{Name: r.Name, Address: r.Address, Industry: r.Industry, ChainSegment: r.ChainSegment,
		Region: r.Region, TierID: r.TierID, CouncilUnit: r.CouncilUnit}
	if r.LegalRepresentative != nil {
		p := member.Person(*r.LegalRepresentative)
		e.LegalRep = &p
	}
	if r.MemberRepresentative != nil {
		p := member.Person(*r.MemberRepresentative)
		e.MemberRep = &p
	}
	if r.CouncilRepresentative != nil {
		var p *personDTO
		if err := json.Unmarshal(r.CouncilRepresentative, &p); err != nil {
			return e, errs.Invalid("request.invalid_fields", map[string]string{"council_representative": "type"})
		}
		var mp *member.Person
		if p != nil {
			v := member.Person(*p)
			mp = &v
		}
		e.CouncilRep = &mp
	}
	if r.Contacts != nil {
		cs := mapSlice(*r.Contacts, func(c contactDTO) member.Contact { return member.Contact(c) })
		e.Contacts = &cs
	}
	if r.Profile != nil {
		p := member.Profile(*r.Profile)
		e.Profile = &p
	}
	if r.Warnings != nil {
		ws := make([]member.Warning, 0, len(*r.Warnings))
		for _, w := range *r.Warnings {
			d, err := time.ParseInLocation(time.DateOnly, w.Date, shanghai)
			if err != nil {
				return e, errs.Field("warnings", "date")
			}
			mw := member.Warning{Text: w.Text, Level: w.Level, Date: d.UTC(), Source: w.Source}
			if w.ClearedOn != nil {
				c, err := time.ParseInLocation(time.DateOnly, *w.ClearedOn, shanghai)
				if err != nil {
					return e, errs.Field("warnings", "date")
				}
				c = c.UTC()
				mw.ClearedOn = &c
			}
			ws = append(ws, mw)
		}
		e.Warnings = &ws
	}
	return e, nil
}

func (h *handlers) editMember(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req editMemberRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	e, err := req.edit()
	if err != nil {
		return err
	}
	v, err := h.d.Members.Edit(c.UserContext(), id, e)
	if err != nil {
		return err
	}
	return c.JSON(toMemberDTO(v))
}

func (h *handlers) reviewMember(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	v, err := h.d.Members.Review(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(toMemberDTO(v))
}

type changeRequestDTO struct {
	ID           int64      `json:"id"`
	MemberID     int64      `json:"member_id"`
	MemberName   string     `json:"member_name"`
	Fields       []string   `json:"fields"`
	Changes      fiber.Map  `json:"changes"`
	Note         string     `json:"note"`
	Status       string     `json:"status"`
	RequestedBy  string     `json:"requested_by"`
	RequestedAt  time.Time  `json:"requested_at"`
	DecidedBy    string     `json:"decided_by"`
	DecidedAt    *time.Time `json:"decided_at"`
	DecisionNote string     `json:"decision_note"`
}

func toChangeRequestDTO(r appmember.ChangeRequest) changeRequestDTO {
	e := r.Edit
	changes := fiber.Map{}
	put := func(k string, set bool, v any) {
		if set {
			changes[k] = v
		}
	}
	put("address", e.Address != nil, e.Address)
	put("legal_representative", e.LegalRep != nil, e.LegalRep)
	put("member_representative", e.MemberRep != nil, e.MemberRep)
	put("council_representative", e.CouncilRep != nil, e.CouncilRep)
	put("contacts", e.Contacts != nil, e.Contacts)
	put("industry", e.Industry != nil, e.Industry)
	put("chain_segment", e.ChainSegment != nil, e.ChainSegment)
	put("region", e.Region != nil, e.Region)
	fields := make([]string, 0, len(changes))
	for k := range changes {
		fields = append(fields, k)
	}
	slices.Sort(fields)
	return changeRequestDTO{ID: r.ID, MemberID: r.MemberID, MemberName: r.MemberName, Fields: fields, Changes: lowerKeys(changes),
		Note: r.Note, Status: r.Status, RequestedBy: r.RequestedBy, RequestedAt: r.RequestedAt, DecidedBy: r.DecidedBy,
		DecidedAt: r.DecidedAt, DecisionNote: r.DecisionNote}
}

// lowerKeys re-encodes domain values (which have no JSON tags) with the
// API's snake_case names.
func lowerKeys(m fiber.Map) fiber.Map {
	out := fiber.Map{}
	for k, v := range m {
		switch x := v.(type) {
		case *member.Person:
			out[k] = personDTO(*x)
		case **member.Person:
			if *x == nil {
				out[k] = nil
			} else {
				out[k] = personDTO(**x)
			}
		case *[]member.Contact:
			out[k] = mapSlice(*x, func(c member.Contact) contactDTO { return contactDTO(c) })
		case *string:
			out[k] = *x
		default:
			out[k] = v
		}
	}
	return out
}

type changeRequestBody struct {
	editMemberRequest
	Note string `json:"note"`
}

func (h *handlers) requestChange(c *fiber.Ctx) error {
	var req changeRequestBody
	if err := decode(c, &req); err != nil {
		return err
	}
	e, err := req.edit()
	if err != nil {
		return err
	}
	r, err := h.d.Members.RequestChange(c.UserContext(), e, req.Note)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toChangeRequestDTO(r))
}

func (h *handlers) listChangeRequests(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	list, err := h.d.Members.ListChangeRequests(c.UserContext(), c.Query("status"), p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toChangeRequestDTO))
}

type decisionRequest struct {
	Note string `json:"note"`
}

func (h *handlers) decideChangeRequest(apply bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := paramID(c, "id")
		if err != nil {
			return err
		}
		var req decisionRequest
		if len(c.Body()) > 0 {
			if err := decode(c, &req); err != nil {
				return err
			}
		}
		r, err := h.d.Members.DecideChangeRequest(c.UserContext(), id, apply, req.Note)
		if err != nil {
			return err
		}
		return c.JSON(toChangeRequestDTO(r))
	}
}

func (h *handlers) memberStats(c *fiber.Ctx) error {
	st, err := h.d.Members.Statistics(c.UserContext())
	if err != nil {
		return err
	}
	counts := func(in []appmember.Count, name func(string) string) []fiber.Map {
		out := make([]fiber.Map, len(in))
		for i, x := range in {
			label := x.Key
			if name != nil {
				label = name(x.Key)
			}
			out[i] = fiber.Map{"key": x.Key, "label": label, "count": x.Count}
		}
		return out
	}
	tierName := func(k string) string {
		id, _ := strconv.ParseInt(k, 10, 64)
		return st.TierNames[id]
	}
	trend := make([]fiber.Map, len(st.Trend))
	for i, y := range st.Trend {
		trend[i] = fiber.Map{"year": y.Year, "joined": y.Joined, "left": y.Left}
	}
	coverage := fiber.Map{"industry_total_units": nil, "current": st.Current, "rate": nil}
	if st.IndustryUnits > 0 {
		coverage["industry_total_units"] = st.IndustryUnits
		coverage["rate"] = float64(st.Current*10000/st.IndustryUnits) / 10000 // four decimals, computed in integers
	}
	return c.JSON(fiber.Map{
		"by_status": counts(st.ByStatus, nil), "by_tier": counts(st.ByTier, tierName), "by_region": counts(st.ByRegion, nil),
		"by_industry": counts(st.ByIndustry, nil), "by_chain_segment": counts(st.ByChainSegment, nil), "trend": trend,
		"coverage": coverage, "review_due": st.ReviewDue, "review_months": st.ReviewMonths, "with_risk": st.WithRisk,
	})
}

type industryUnitsRequest struct {
	IndustryTotalUnits int64 `json:"industry_total_units"`
}

func (h *handlers) setIndustryUnits(c *fiber.Ctx) error {
	var req industryUnitsRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if err := h.d.Members.SetIndustryUnits(c.UserContext(), req.IndustryTotalUnits); err != nil {
		return err
	}
	return h.memberStats(c)
}
