#pragma once
// Asking for help at a zone's screen: "咨询 · Ask for help" on the bar →
// the categories as tiles → a topic, if the category has any → a summary
// to submit, with an optional call-back (a number typed on a keypad, only
// after a separate consent) → "saving" until the record is committed → the
// queue number and where to go, with the service's rating on five faces →
// a reason for a low rating, if the visitor gives one → thanks → home.
// At the desk's screen the rating alone is offered after a consultation is
// closed there. Back, home and the idle timeout cancel a request not yet
// submitted and nothing of it is recorded; a skipped rating records nothing.
// While the records cannot be written the visitor is sent to the desk.
// Pure logic (no clock, no records store): requests go out as
// ExhibitRequests and the answers come back through committed().

#include <deque>
#include <optional>
#include <string>

#include <tl/expected.hpp>

#include "content/package.h"
#include "exhibit_flow.h"
#include "records/categories.h"
#include "records/consultation.h"
#include "records/record_error.h"

namespace kiosk::ui {

// How this hall takes requests for help (the configuration's [consultation]).
struct ConsultSettings {
    records::Categories categories;
    content::Bilingual where{"一楼服务台", "the service desk, ground floor"};  // where visitors are sent
    int callback_retention_days = 30;
};

// The flow's screens, in the order a visitor meets them.
enum class ConsultScreen {
    closed,       // not on screen
    categories,   // the categories as tiles
    topics,       // the chosen category's topics, and "other"
    summary,      // what will be sent: submit, and the call-back offer
    consent,      // what a call-back number is for and how long it is kept; the tick
    keypad,       // the number, typed
    saving,       // submitted: waiting until the record is committed
    confirmed,    // the queue number, where to go, and the rating's faces
    desk_rating,  // the desk's screen: rate the consultation just closed
    reason,       // a low rating's reason, optional
    thanks,       // after a rating, or its skip
    unavailable,  // the records cannot be written: "please see the desk"
};

// What the flow's screen shows.
struct ConsultState {
    ConsultScreen screen = ConsultScreen::closed;
    int category = -1;             // index in the settings' categories
    int topic = -1;                // index in the category's topics; -1: none ("other")
    bool callback = false;         // a checked call-back number is in `digits`
    bool consent = false;          // the consent box is ticked
    bool consent_missing = false;  // "continue" was touched without the tick
    std::string digits;            // typed on the keypad
    bool number_refused = false;   // the keypad's "done" was touched on a number that is not a mobile's
    std::string queue_number;      // confirmed: "A001"
    records::ConsultationId consultation = 0;  // the one being rated
    std::optional<records::Rating> rating;
    bool at_desk = false;  // the rating was offered at the desk's screen
    int serial = 0;        // of the request submitted last
};

// The flow's own steps: a target's Action::flow_step carries the step and
// its parameter (ConsultFlow::action()).
enum class ConsultStep {
    open,              // "ask for help"
    category,          // parameter: index in the categories
    topic,             // parameter: index in the category's topics
    other_topic,       // no topic
    submit,            //
    call_back,         // "call me back": to the consent
    remove_call_back,  //
    tick_consent,      // the box, on or off
    consent_given,     // "continue" under the box
    digit,             // parameter: 0..9
    delete_digit,      //
    number_done,       // the number is checked
    face,              // parameter: the rating, 1 (very dissatisfied) .. 5
    reason,            // parameter: index in consult_words::reasons
    no_reason,         //
    skip_rating,       //
    rate_at_desk,      // (the adapter's) show the rating offered with offer_rating()
    close,             // the desk's thanks: back to what was on screen
};

class ConsultFlow final : public ExhibitFlow {
  public:
    static constexpr const char* kName = "consult";
    // The target action of `step`.
    static Action action(ConsultStep step, int parameter = 0);

    explicit ConsultFlow(ConsultSettings settings);

    bool on_screen() const override { return m_state.screen != ConsultScreen::closed; }
    FlowOutcome apply(const Action& action, const Navigator& pages,
                      std::vector<ExhibitRequest>& requests) override;
    void walk_away(std::vector<ExhibitRequest>& requests) override;
    Scene lay_out(const LayoutInput& input) const override;

    // Whether the records take requests now; the adapter tells it before
    // each input. While they do not, asking for help and submitting show
    // "please see the desk".
    void set_records_available(bool available) { m_records_available = available; }
    // The records' answer to the request with `serial`: the confirmation,
    // or "please see the desk". Returns whether the screen changed (the
    // answer to a request given up meanwhile changes nothing).
    bool committed(int serial, const tl::expected<records::Committed, records::RecordError>& result);
    // The desk's screen: a consultation just closed there, for its visitor to
    // rate. The rate_at_desk step shows it, or, while a visitor's own request
    // is under way, the end of that request does.
    void offer_rating(records::ConsultationId consultation);

    const ConsultState& state() const { return m_state; }
    const ConsultSettings& settings() const { return m_settings; }

  private:
    bool take(ConsultStep step, int parameter, std::vector<ExhibitRequest>& requests);
    bool go_back();
    void rate(records::Rating rating, std::string reason, std::vector<ExhibitRequest>& requests);
    // Off the screen, or on to a rating offered at the desk meanwhile.
    void finish();
    // A request is being made or saved: nothing may replace it but its own end.
    bool request_under_way() const;
    // A visitor is at the screen with a request, its queue number or their
    // rating: a rating offered at the desk waits until they are done.
    bool visitor_busy() const;
    // Leaving the reason screen any way but back: the face touched counts
    // without a reason, so low ratings are never lost for want of one.
    void send_pending_rating(std::vector<ExhibitRequest>& requests);
    const records::Category* category() const;

    ConsultSettings m_settings;
    ConsultState m_state;
    bool m_records_available = true;
    // Closed at the desk and not yet offered to rate, oldest first (a few at most).
    std::deque<records::ConsultationId> m_offered;
    int m_next_serial = 1;
};

}  // namespace kiosk::ui
