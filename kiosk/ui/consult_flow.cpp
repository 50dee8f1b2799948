#include "consult_flow.h"

#include <algorithm>

#include "consult_layout.h"
#include "consult_text.h"

namespace kiosk::ui {
namespace {

// A step's parameter rides in the action's index with it: index = step *
// kStepStride + parameter. Parameters (a category's topics, say) stay well below.
constexpr int kStepStride = 1000;
// The longest number the keypad takes: a mainland mobile number's 11 digits.
constexpr std::size_t kMaxDigits = 11;

}  // namespace

Action ConsultFlow::action(ConsultStep step, int parameter) {
    return Action::flow_step(kName, static_cast<int>(step) * kStepStride + parameter);
}

ConsultFlow::ConsultFlow(ConsultSettings settings) : m_settings(std::move(settings)) {}

const records::Category* ConsultFlow::category() const {
    const auto& list = m_settings.categories.list();
    if (m_state.category < 0 || m_state.category >= static_cast<int>(list.size())) {
        return nullptr;
    }
    return &list[static_cast<std::size_t>(m_state.category)];
}

bool ConsultFlow::request_under_way() const {
    switch (m_state.screen) {
        case ConsultScreen::categories:
        case ConsultScreen::topics:
        case ConsultScreen::summary:
        case ConsultScreen::consent:
        case ConsultScreen::keypad:
        case ConsultScreen::saving:
            return true;
        default:
            return false;
    }
}

bool ConsultFlow::visitor_busy() const {
    return request_under_way() || m_state.screen == ConsultScreen::confirmed ||
           m_state.screen == ConsultScreen::reason;
}

void ConsultFlow::offer_rating(records::ConsultationId consultation) {
    // The desk closes one visitor's consultation at a time; a few waiting
    // are kept, the oldest given up first, so the screen never lags far behind.
    constexpr std::size_t kMaxWaiting = 3;
    if (std::find(m_offered.begin(), m_offered.end(), consultation) != m_offered.end() ||
        (m_state.screen == ConsultScreen::desk_rating && m_state.consultation == consultation)) {
        return;
    }
    m_offered.push_back(consultation);
    if (m_offered.size() > kMaxWaiting) {
        m_offered.pop_front();
    }
}

void ConsultFlow::send_pending_rating(std::vector<ExhibitRequest>& requests) {
    if (m_state.screen == ConsultScreen::reason && m_state.rating) {
        requests.push_back(ExhibitRequest(RatingRequest{m_state.consultation, *m_state.rating, {}}));
    }
}

FlowOutcome ConsultFlow::apply(const Action& action, const Navigator&,
                               std::vector<ExhibitRequest>& requests) {
    if (action.kind == Action::Kind::flow_step) {
        if (action.flow != kName || action.index < 0) {
            return FlowOutcome::not_mine;
        }
        const auto step = static_cast<ConsultStep>(action.index / kStepStride);
        return take(step, action.index % kStepStride, requests) ? FlowOutcome::changed
                                                                : FlowOutcome::unchanged;
    }
    if (!on_screen()) {
        return FlowOutcome::not_mine;
    }
    switch (action.kind) {
        case Action::Kind::back:
            return go_back() ? FlowOutcome::changed : FlowOutcome::unchanged;
        case Action::Kind::close_overlay:
            if (m_state.screen == ConsultScreen::saving) {
                return FlowOutcome::unchanged;
            }
            send_pending_rating(requests);
            finish();
            return FlowOutcome::changed;
        case Action::Kind::home:
            // Home leaves the request, and the pages go home under it.
            if (m_state.screen == ConsultScreen::saving) {
                return FlowOutcome::unchanged;
            }
            send_pending_rating(requests);
            finish();
            return FlowOutcome::not_mine;
        case Action::Kind::toggle_language:
        case Action::Kind::toggle_large_text:
            return FlowOutcome::not_mine;  // the pages' settings, and the flow's screen follows them
        default:
            // (A key for the pages, say: they stay as they are under the flow.)
            return FlowOutcome::unchanged;
    }
}

bool ConsultFlow::take(ConsultStep step, int parameter, std::vector<ExhibitRequest>& requests) {
    ConsultState& state = m_state;
    const ConsultScreen screen = state.screen;
    switch (step) {
        case ConsultStep::open:
            if (request_under_way()) {
                return false;
            }
            state = ConsultState{};
            state.serial = m_next_serial - 1;
            state.screen = m_records_available ? ConsultScreen::categories : ConsultScreen::unavailable;
            return true;
        case ConsultStep::category: {
            if (screen != ConsultScreen::categories ||
                parameter >= static_cast<int>(m_settings.categories.list().size())) {
                return false;
            }
            state.category = parameter;
            state.topic = -1;
            state.screen = category()->topics.empty() ? ConsultScreen::summary : ConsultScreen::topics;
            return true;
        }
        case ConsultStep::topic:
            if (screen != ConsultScreen::topics || parameter >= static_cast<int>(category()->topics.size())) {
                return false;
            }
            state.topic = parameter;
            state.screen = ConsultScreen::summary;
            return true;
        case ConsultStep::other_topic:
            if (screen != ConsultScreen::topics) {
                return false;
            }
            state.topic = -1;
            state.screen = ConsultScreen::summary;
            return true;
        case ConsultStep::submit: {
            if (screen != ConsultScreen::summary) {
                return false;
            }
            if (!m_records_available) {
                state.screen = ConsultScreen::unavailable;
                return true;
            }
            const records::Category& chosen = *category();
            ConsultationRequest request;
            request.serial = state.serial = m_next_serial++;
            request.category = chosen.id;
            if (state.topic >= 0) {
                request.topic = chosen.topics[static_cast<std::size_t>(state.topic)].zh;
            }
            if (state.callback) {
                request.phone = state.digits;
            }
            requests.push_back(ExhibitRequest(std::move(request)));
            // The number has gone with the request; the screen keeps no copy.
            state.digits.clear();
            state.screen = ConsultScreen::saving;
            return true;
        }
        case ConsultStep::call_back:
            if (screen != ConsultScreen::summary) {
                return false;
            }
            state.consent = false;
            state.consent_missing = false;
            state.screen = ConsultScreen::consent;
            return true;
        case ConsultStep::remove_call_back:
            if (screen != ConsultScreen::summary || !state.callback) {
                return false;
            }
            state.callback = false;
            state.consent = false;
            state.digits.clear();
            return true;
        case ConsultStep::tick_consent:
            if (screen != ConsultScreen::consent) {
                return false;
            }
            state.consent = !state.consent;
            state.consent_missing = false;
            return true;
        case ConsultStep::consent_given:
            if (screen != ConsultScreen::consent) {
                return false;
            }
            if (!state.consent) {
                state.consent_missing = true;
                return true;
            }
            state.digits.clear();
            state.number_refused = false;
            state.callback = false;
            state.screen = ConsultScreen::keypad;
            return true;
        case ConsultStep::digit:
            if (screen != ConsultScreen::keypad || parameter > 9 || state.digits.size() >= kMaxDigits) {
                return false;
            }
            state.digits += static_cast<char>('0' + parameter);
            state.number_refused = false;
            return true;
        case ConsultStep::delete_digit:
            if (screen != ConsultScreen::keypad || state.digits.empty()) {
                return false;
            }
            state.digits.pop_back();
            state.number_refused = false;
            return true;
        case ConsultStep::number_done:
            if (screen != ConsultScreen::keypad) {
                return false;
            }
            if (!records::is_mainland_mobile(state.digits)) {
                state.number_refused = true;
                return true;
            }
            state.callback = true;
            state.screen = ConsultScreen::summary;
            return true;
        case ConsultStep::face: {
            if ((screen != ConsultScreen::confirmed && screen != ConsultScreen::desk_rating) ||
                parameter < 1 || parameter > records::kRatingCount) {
                return false;
            }
            const auto rating = static_cast<records::Rating>(parameter);
            state.rating = rating;
            if (records::is_low(rating)) {
                state.screen = ConsultScreen::reason;
            } else {
                rate(rating, {}, requests);
            }
            return true;
        }
        case ConsultStep::reason:
            if (screen != ConsultScreen::reason ||
                parameter >= static_cast<int>(consult_words::reasons.size())) {
                return false;
            }
            rate(*state.rating, consult_words::reasons[static_cast<std::size_t>(parameter)].zh, requests);
            return true;
        case ConsultStep::no_reason:
            if (screen != ConsultScreen::reason) {
                return false;
            }
            rate(*state.rating, {}, requests);
            return true;
        case ConsultStep::skip_rating:
            if (screen == ConsultScreen::confirmed) {
                state.rating.reset();
                state.screen = ConsultScreen::thanks;
                return true;
            }
            if (screen == ConsultScreen::desk_rating) {
                finish();  // one touch, and the desk's screen is as it was
                return true;
            }
            return false;
        case ConsultStep::rate_at_desk:
            if (m_offered.empty() || visitor_busy()) {
                return false;  // (a request under way shows it when it ends)
            }
            finish();
            return true;
        case ConsultStep::close:
            if (!on_screen() || screen == ConsultScreen::saving) {
                return false;
            }
            send_pending_rating(requests);
            finish();
            return true;
    }
    return false;
}

void ConsultFlow::rate(records::Rating rating, std::string reason, std::vector<ExhibitRequest>& requests) {
    requests.push_back(ExhibitRequest(RatingRequest{m_state.consultation, rating, std::move(reason)}));
    m_state.rating = rating;
    m_state.screen = ConsultScreen::thanks;
}

bool ConsultFlow::go_back() {
    ConsultState& state = m_state;
    switch (state.screen) {
        case ConsultScreen::closed:
        case ConsultScreen::saving:  // the record is on its way: nothing to cancel
            return false;
        case ConsultScreen::topics:
            state.screen = ConsultScreen::categories;
            return true;
        case ConsultScreen::summary:
            state.screen = category()->topics.empty() ? ConsultScreen::categories : ConsultScreen::topics;
            return true;
        case ConsultScreen::consent:
            state.screen = ConsultScreen::summary;
            return true;
        case ConsultScreen::keypad:
            state.digits.clear();
            state.number_refused = false;
            state.screen = ConsultScreen::consent;
            return true;
        case ConsultScreen::reason:
            state.rating.reset();
            state.screen = state.at_desk ? ConsultScreen::desk_rating : ConsultScreen::confirmed;
            return true;
        case ConsultScreen::categories:
        case ConsultScreen::confirmed:
        case ConsultScreen::desk_rating:
        case ConsultScreen::thanks:
        case ConsultScreen::unavailable:
            finish();
            return true;
    }
    return false;
}

bool ConsultFlow::committed(int serial,
                            const tl::expected<records::Committed, records::RecordError>& result) {
    if (m_state.screen != ConsultScreen::saving || serial != m_state.serial) {
        return false;
    }
    if (!result) {
        m_state.screen = ConsultScreen::unavailable;
        return true;
    }
    m_state.consultation = result->id;
    m_state.queue_number = result->queue_number;
    m_state.screen = ConsultScreen::confirmed;
    return true;
}

void ConsultFlow::finish() {
    const int serial = m_state.serial;
    m_state = ConsultState{};
    m_state.serial = serial;
    if (!m_offered.empty()) {
        m_state.screen = ConsultScreen::desk_rating;
        m_state.consultation = m_offered.front();
        m_state.at_desk = true;
        m_offered.pop_front();
    }
}

void ConsultFlow::walk_away(std::vector<ExhibitRequest>& requests) {
    // No unfinished request is sent, and the next visitor sees none of it;
    // a face touched before the visitor left counts (without a reason).
    send_pending_rating(requests);
    m_state.screen = ConsultScreen::closed;
    // The desk's screen: a rating ignored is given up; the next one waiting comes up.
    finish();
}

Scene ConsultFlow::lay_out(const LayoutInput& input) const {
    return lay_out_consultation(input, m_settings, m_state);
}

}  // namespace kiosk::ui
