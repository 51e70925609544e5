package api

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	appgov "huiguan/app/governance"
	"huiguan/domain/errs"
	gov "huiguan/domain/governance"
	"huiguan/domain/member"
)

// parseDay reads a YYYY-MM-DD field as the start of that day in Shanghai.
func parseDay(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, s, shanghai)
	if err != nil {
		return time.Time{}, errs.Field(field, "date")
	}
	return t.UTC(), nil
}

// ---- association ----

type associationDTO struct {
	FullName              string   `json:"full_name"`
	ShortName             string   `json:"short_name"`
	USCC                  string   `json:"uscc"`
	BusinessScope         []string `json:"business_scope"`
	RegistrationAuthority string   `json:"registration_authority"`
	RegisteredOn          string   `json:"registered_on"`
}

func (h *handlers) getAssociation(c *fiber.Ctx) error {
	a, ok, err := h.d.Governance.Association(c.UserContext())
	if err != nil {
		return err
	}
	if !ok {
		return c.JSON(fiber.Map{"configured": false})
	}
	return c.JSON(fiber.Map{"configured": true, "association": associationDTO{a.FullName, a.ShortName, string(a.USCC), a.BusinessScope,
		a.RegistrationAuthority, day(a.RegisteredOn)}})
}

func (h *handlers) putAssociation(c *fiber.Ctx) error {
	var req associationDTO
	if err := decode(c, &req); err != nil {
		return err
	}
	on, err := parseDay("registered_on", req.RegisteredOn)
	if err != nil {
		return err
	}
	a, err := h.d.Governance.SaveAssociation(c.UserContext(), gov.Association{FullName: req.FullName, ShortName: req.ShortName,
		USCC: member.USCC(req.USCC), BusinessScope: req.BusinessScope, RegistrationAuthority: req.RegistrationAuthority, RegisteredOn: on})
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"configured": true, "association": associationDTO{a.FullName, a.ShortName, string(a.USCC), a.BusinessScope,
		a.RegistrationAuthority, day(a.RegisteredOn)}})
}

// ---- bodies ----

type seatDTO struct {
	MemberID   *int64 `json:"member_id,omitempty"`
	PersonName string `json:"person_name,omitempty"`
}

type ratioDTO struct {
	Num int `json:"num"`
	Den int `json:"den"`
}

type rulesDTO struct {
	Quorum   ratioDTO `json:"quorum"`
	Majority ratioDTO `json:"majority"`
	Special  ratioDTO `json:"special"`
}

type bodyDTO struct {
	ID              int64     `json:"id"`
	Kind            string    `json:"kind"`
	Name            string    `json:"name"`
	TermNo          int       `json:"term_no"`
	TermStart       string    `json:"term_start"`
	TermEnd         string    `json:"term_end"`
	Members         []seatDTO `json:"members"`
	Rules           rulesDTO  `json:"rules"`
	Powers          string    `json:"powers"`
	FormationMethod string    `json:"formation_method"`
	RemovalMethod   string    `json:"removal_method"`
}

type bodyRequest struct {
	Kind            string    `json:"kind"`
	Name            string    `json:"name"`
	TermNo          int       `json:"term_no"`
	TermStart       string    `json:"term_start"`
	TermEnd         string    `json:"term_end"`
	Members         []seatDTO `json:"members"`
	Rules           *rulesDTO `json:"rules"`
	Powers          string    `json:"powers"`
	FormationMethod string    `json:"formation_method"`
	RemovalMethod   string    `json:"removal_method"`
}

func toBodyDTO(b gov.Body) bodyDTO {
	return bodyDTO{ID: b.ID, Kind: string(b.Kind), Name: b.Name, TermNo: b.TermNo, TermStart: day(b.TermStart), TermEnd: day(b.TermEnd),
		Members: mapSlice(b.Seats, func(s gov.Seat) seatDTO { return seatDTO(s) }),
		Rules:   rulesDTO{ratioDTO(b.Rules.Quorum), ratioDTO(b.Rules.Majority), ratioDTO(b.Rules.Special)},
		Powers:  b.Powers, FormationMethod: b.FormationMethod, RemovalMethod: b.RemovalMethod}
}

func (r bodyRequest) body(id int64) (gov.Body, error) {
	kind, err := gov.ParseBodyKind(r.Kind)
	if err != nil {
		return gov.Body{}, err
	}
	start, err := parseDay("term_start", r.TermStart)
	if err != nil {
		return gov.Body{}, err
	}
	end, err := parseDay("term_end", r.TermEnd)
	if err != nil {
		return gov.Body{}, err
	}
	b := gov.Body{ID: id, Kind: kind, Name: r.Name, TermNo: r.TermNo, TermStart: start, TermEnd: end,
		Seats: mapSlice(r.Members, func(s seatDTO) gov.Seat { return gov.Seat(s) }), Rules: gov.DefaultRules,
		Powers: r.Powers, FormationMethod: r.FormationMethod, RemovalMethod: r.RemovalMethod}
	if b.TermNo == 0 {
		b.TermNo = 1
	}
	if r.Rules != nil {
		b.Rules = gov.Rules{Quorum: gov.Ratio(r.Rules.Quorum), Majority: gov.Ratio(r.Rules.Majority), Special: gov.Ratio(r.Rules.Special)}
	}
	return b, nil
}

func (h *handlers) listBodies(c *fiber.Ctx) error {
	bs, err := h.d.Governance.Bodies(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(bs, toBodyDTO)})
}

func (h *handlers) getBody(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	b, err := h.d.Governance.Body(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(toBodyDTO(b))
}

func (h *handlers) saveBody(c *fiber.Ctx, id int64) (gov.Body, error) {
	var req bodyRequest
	if err := decode(c, &req); err != nil {
		return gov.Body{}, err
	}
	b, err := req.body(id)
	if err != nil {
		return gov.Body{}, err
	}
	return h.d.Governance.SaveBody(c.UserContext(), b)
}

func (h *handlers) createBody(c *fiber.Ctx) error {
	b, err := h.saveBody(c, 0)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toBodyDTO(b))
}

func (h *handlers) updateBody(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	b, err := h.saveBody(c, id)
	if err != nil {
		return err
	}
	return c.JSON(toBodyDTO(b))
}

// ---- meetings ----

type attendeeDTO struct {
	MemberID   *int64 `json:"member_id,omitempty"`
	PersonName string `json:"person_name,omitempty"`
	Status     string `json:"status"`
}

type meetingDTO struct {
	ID        int64         `json:"id"`
	BodyID    int64         `json:"body_id"`
	Kind      string        `json:"kind"`
	Title     string        `json:"title"`
	HeldOn    string        `json:"held_on"`
	Place     string        `json:"place"`
	Agenda    string        `json:"agenda"`
	Minutes   string        `json:"minutes"`
	Attendees []attendeeDTO `json:"attendees"`
	Seats     int           `json:"seats"`
	Attending int           `json:"attending"`
}

type meetingRequest struct {
	BodyID    int64         `json:"body_id"`
	Kind      string        `json:"kind"`
	Title     string        `json:"title"`
	HeldOn    string        `json:"held_on"`
	Place     string        `json:"place"`
	Agenda    string        `json:"agenda"`
	Minutes   string        `json:"minutes"`
	Attendees []attendeeDTO `json:"attendees"`
}

func toMeetingDTO(m gov.Meeting) meetingDTO {
	return meetingDTO{ID: m.ID, BodyID: m.BodyID, Kind: string(m.Kind), Title: m.Title, HeldOn: day(m.HeldOn), Place: m.Place,
		Agenda: m.Agenda, Minutes: m.Minutes, Seats: m.Seats, Attending: m.Attending,
		Attendees: mapSlice(m.Attended, func(a gov.Attendance) attendeeDTO {
			return attendeeDTO{MemberID: a.Seat.MemberID, PersonName: a.Seat.PersonName, Status: string(a.Status)}
		})}
}

func (h *handlers) createMeeting(c *fiber.Ctx) error {
	var req meetingRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	kind, err := gov.ParseMeetingKind(req.Kind)
	if err != nil {
		return err
	}
	held, err := parseDay("held_on", req.HeldOn)
	if err != nil {
		return err
	}
	m := gov.Meeting{BodyID: req.BodyID, Kind: kind, Title: req.Title, HeldOn: held, Place: req.Place, Agenda: req.Agenda, Minutes: req.Minutes,
		Attended: mapSlice(req.Attendees, func(a attendeeDTO) gov.Attendance {
			return gov.Attendance{Seat: gov.Seat{MemberID: a.MemberID, PersonName: strings.TrimSpace(a.PersonName)}, Status: gov.Presence(a.Status)}
		})}
	m, err = h.d.Governance.RecordMeeting(c.UserContext(), m)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(h.meetingView(c, m))
}

// meetingView adds the quorum verdict under the body's rules.
func (h *handlers) meetingView(c *fiber.Ctx, m gov.Meeting) fiber.Map {
	out := fiber.Map{"meeting": toMeetingDTO(m)}
	if b, err := h.d.Governance.Body(c.UserContext(), m.BodyID); err == nil {
		out["quorate"] = m.Quorate(b.Rules)
		out["body_name"] = b.Name
	}
	return out
}

func (h *handlers) getMeeting(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	m, err := h.d.Governance.Meeting(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(h.meetingView(c, m))
}

func (h *handlers) listMeetings(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	from, err := queryDay(c, "from", false, shanghai)
	if err != nil {
		return err
	}
	to, err := queryDay(c, "to", true, shanghai)
	if err != nil {
		return err
	}
	body, err := queryInt(c, "body_id")
	if err != nil {
		return err
	}
	list, err := h.d.Governance.Meetings(c.UserContext(), appgov.MeetingFilter{BodyID: int64(body), From: from, To: to}, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toMeetingDTO))
}

// ---- resolutions ----

type resolutionDTO struct {
	ID           int64  `json:"id"`
	MeetingID    int64  `json:"meeting_id"`
	BodyID       int64  `json:"body_id"`
	BodyKind     string `json:"body_kind"`
	HeldOn       string `json:"held_on"`
	Title        string `json:"title"`
	Text         string `json:"text"`
	Kind         string `json:"kind"`
	VotesFor     int    `json:"votes_for"`
	VotesAgainst int    `json:"votes_against"`
	VotesAbstain int    `json:"votes_abstain"`
	Outcome      string `json:"outcome"`
	Status       string `json:"status"` // passed, failed or superseded
	Supersedes   *int64 `json:"supersedes_id"`
	SupersededBy *int64 `json:"superseded_by"`
}

func toResolutionDTO(r gov.Resolution) resolutionDTO {
	status := string(r.Outcome)
	if r.SupersededBy != nil {
		status = "superseded"
	}
	return resolutionDTO{ID: r.ID, MeetingID: r.MeetingID, BodyID: r.BodyID, BodyKind: string(r.BodyKind), HeldOn: day(r.HeldOn),
		Title: r.Title, Text: r.Text, Kind: string(r.Kind), VotesFor: r.VotesFor, VotesAgainst: r.VotesAgainst, VotesAbstain: r.VotesAbstain,
		Outcome: string(r.Outcome), Status: status, Supersedes: r.Supersedes, SupersededBy: r.SupersededBy}
}

type resolutionRequest struct {
	Title        string `json:"title"`
	Text         string `json:"text"`
	Kind         string `json:"kind"`
	VotesFor     int    `json:"votes_for"`
	VotesAgainst int    `json:"votes_against"`
	VotesAbstain int    `json:"votes_abstain"`
	Supersedes   *int64 `json:"supersedes_id"`
}

func (h *handlers) createResolution(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req resolutionRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	kind, err := gov.ParseResolutionKind(req.Kind)
	if err != nil {
		return err
	}
	r, err := h.d.Governance.AddResolution(c.UserContext(), id, gov.Resolution{Title: req.Title, Text: req.Text, Kind: kind,
		VotesFor: req.VotesFor, VotesAgainst: req.VotesAgainst, VotesAbstain: req.VotesAbstain, Supersedes: req.Supersedes})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toResolutionDTO(r))
}

func (h *handlers) meetingResolutions(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	list, err := h.d.Governance.Resolutions(c.UserContext(), appgov.ResolutionFilter{MeetingID: id}, pageAll)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toResolutionDTO))
}

func (h *handlers) listResolutions(c *fiber.Ctx) error {
	p, err := pageOf(c)
	if err != nil {
		return err
	}
	f := appgov.ResolutionFilter{Query: c.Query("q")}
	if k := c.Query("kind"); k != "" {
		if f.Kind, err = gov.ParseResolutionKind(k); err != nil {
			return errs.Invalid("request.invalid_query", map[string]string{"kind": "invalid"})
		}
	}
	if k := c.Query("body_kind"); k != "" {
		if f.BodyKind, err = gov.ParseBodyKind(k); err != nil {
			return errs.Invalid("request.invalid_query", map[string]string{"body_kind": "invalid"})
		}
	}
	switch st := c.Query("status"); st {
	case "":
	case "passed", "failed":
		f.Outcome, f.Current = gov.Outcome(st), true
	case "current":
		f.Current = true
	default:
		return errs.Invalid("request.invalid_query", map[string]string{"status": "invalid"})
	}
	list, err := h.d.Governance.Resolutions(c.UserContext(), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(list, toResolutionDTO))
}

func (h *handlers) getResolution(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	r, err := h.d.Governance.Resolution(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(toResolutionDTO(r))
}

// ---- positions ----

type positionTypeDTO struct {
	Title             string `json:"title"`
	Powers            string `json:"powers"`
	AppointmentMethod string `json:"appointment_method"`
	RemovalMethod     string `json:"removal_method"`
	TermYears         int    `json:"term_years"`
	Defined           bool   `json:"defined"`
}

func toPositionTypeDTO(p gov.PositionType) positionTypeDTO {
	return positionTypeDTO{string(p.Title), p.Powers, p.AppointmentMethod, p.RemovalMethod, p.TermYears, p.Defined()}
}

func (h *handlers) listPositionTypes(c *fiber.Ctx) error {
	ps, err := h.d.Governance.PositionTypes(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(ps, toPositionTypeDTO)})
}

type positionTypeRequest struct {
	Powers            string `json:"powers"`
	AppointmentMethod string `json:"appointment_method"`
	RemovalMethod     string `json:"removal_method"`
	TermYears         int    `json:"term_years"`
}

func (h *handlers) putPositionType(c *fiber.Ctx) error {
	title, err := gov.ParseTitle(c.Params("title"))
	if err != nil {
		return errs.NotFound("route")
	}
	var req positionTypeRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := h.d.Governance.SavePositionType(c.UserContext(), gov.PositionType{Title: title, Powers: req.Powers,
		AppointmentMethod: req.AppointmentMethod, RemovalMethod: req.RemovalMethod, TermYears: req.TermYears})
	if err != nil {
		return err
	}
	return c.JSON(toPositionTypeDTO(p))
}

type tenureDTO struct {
	ID           int64  `json:"id"`
	Title        string `json:"title"`
	PersonName   string `json:"person_name"`
	MemberID     *int64 `json:"member_id"`
	FullTime     bool   `json:"full_time"`
	TermNo       int    `json:"term_no"`
	TermStart    string `json:"term_start"`
	TermEnd      string `json:"term_end"`
	ResolutionID *int64 `json:"resolution_id"`
}

func toTenureDTO(t gov.Tenure) tenureDTO {
	return tenureDTO{t.ID, string(t.Title), t.PersonName, t.MemberID, t.FullTime, t.TermNo, day(t.TermStart), day(t.TermEnd), t.ResolutionID}
}

type tenureRequest struct {
	Title        string `json:"title"`
	PersonName   string `json:"person_name"`
	MemberID     *int64 `json:"member_id"`
	FullTime     bool   `json:"full_time"`
	TermNo       int    `json:"term_no"`
	TermStart    string `json:"term_start"`
	TermEnd      string `json:"term_end"`
	ResolutionID *int64 `json:"resolution_id"`
}

func (h *handlers) createPosition(c *fiber.Ctx) error {
	var req tenureRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	title, err := gov.ParseTitle(req.Title)
	if err != nil {
		return err
	}
	start, err := parseDay("term_start", req.TermStart)
	if err != nil {
		return err
	}
	end, err := parseDay("term_end", req.TermEnd)
	if err != nil {
		return err
	}
	t, err := h.d.Governance.Appoint(c.UserContext(), gov.Tenure{Title: title, PersonName: req.PersonName, MemberID: req.MemberID,
		FullTime: req.FullTime, TermNo: req.TermNo, TermStart: start, TermEnd: end, ResolutionID: req.ResolutionID})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toTenureDTO(t))
}

func (h *handlers) tenures(c *fiber.Ctx) ([]gov.Tenure, error) {
	f := appgov.TenureFilter{PersonName: c.Query("person_name")}
	if t := c.Query("title"); t != "" {
		title, err := gov.ParseTitle(t)
		if err != nil {
			return nil, errs.Invalid("request.invalid_query", map[string]string{"title": "invalid"})
		}
		f.Title = title
	}
	if c.Query("current") == "true" {
		now := time.Now().In(shanghai)
		today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, shanghai).UTC()
		f.On = &today
	}
	return h.d.Governance.Tenures(c.UserContext(), f)
}

func (h *handlers) listPositions(c *fiber.Ctx) error {
	ts, err := h.tenures(c)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(ts, toTenureDTO)})
}

// publicLeadership is the current leadership roster members and the public see.
func (h *handlers) publicLeadership(c *fiber.Ctx) error {
	c.Request().URI().QueryArgs().Set("current", "true")
	ts, err := h.tenures(c)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(ts, func(t gov.Tenure) fiber.Map {
		return fiber.Map{"title": t.Title, "person_name": t.PersonName, "term_no": t.TermNo, "term_start": day(t.TermStart), "term_end": day(t.TermEnd)}
	})})
}

// ---- branches ----

type reviewDTO struct {
	By     string    `json:"by"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason"`
}

type branchDTO struct {
	ID           int64      `json:"id"`
	Kind         string     `json:"kind"`
	Name         string     `json:"name"`
	Scope        []string   `json:"scope"`
	Head         string     `json:"head"`
	ResolutionID *int64     `json:"resolution_id"`
	Status       string     `json:"status"`
	SuffixListed bool       `json:"suffix_listed"`
	SuffixReview *reviewDTO `json:"suffix_review"`
	PlaceReview  *reviewDTO `json:"place_review"`
}

func toBranchDTO(b gov.Branch) branchDTO {
	out := branchDTO{ID: b.ID, Kind: string(b.Kind), Name: b.Name, Scope: b.Scope, Head: b.Head, ResolutionID: b.ResolutionID,
		Status: string(b.Status), SuffixListed: b.SuffixListed()}
	if b.SuffixReview != nil {
		r := reviewDTO(*b.SuffixReview)
		out.SuffixReview = &r
	}
	if b.PlaceReview != nil {
		r := reviewDTO(*b.PlaceReview)
		out.PlaceReview = &r
	}
	return out
}

type branchRequest struct {
	Kind         string   `json:"kind"`
	Name         string   `json:"name"`
	Scope        []string `json:"scope"`
	Head         string   `json:"head"`
	ResolutionID *int64   `json:"resolution_id"`
	Regional     bool     `json:"regional"`
	OwnCharter   bool     `json:"own_charter"`
}

func (h *handlers) createBranch(c *fiber.Ctx) error {
	var req branchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	kind, err := gov.ParseBranchKind(req.Kind)
	if err != nil {
		return err
	}
	b, err := h.d.Governance.CreateBranch(c.UserContext(), kind, req.Name, req.Scope, req.Head, req.ResolutionID, req.Regional, req.OwnCharter)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toBranchDTO(b))
}

func (h *handlers) listBranches(c *fiber.Ctx) error {
	bs, err := h.d.Governance.Branches(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": mapSlice(bs, toBranchDTO)})
}

type branchActionRequest struct {
	Territorial bool   `json:"territorial"`
	Reason      string `json:"reason"`
}

func (h *handlers) actOnBranch(action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := paramID(c, "id")
		if err != nil {
			return err
		}
		var req branchActionRequest
		if len(c.Body()) > 0 {
			if err := decode(c, &req); err != nil {
				return err
			}
		}
		b, err := h.d.Governance.ActOnBranch(c.UserContext(), appgov.BranchAction{BranchID: id, Action: action, Territorial: req.Territorial, Reason: req.Reason})
		if err != nil {
			return err
		}
		return c.JSON(toBranchDTO(b))
	}
}
