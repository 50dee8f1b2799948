#pragma once
// What the hall records of the help it gives: consultations (asked for at a
// zone's screen or handled at the desk), call-back requests made with
// consent, satisfaction ratings, visitor sessions and board views. Plain
// values; the store writes and reads them.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::records {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;
using ConsultationId = std::int64_t;

enum class Channel { kiosk, desk };  // where it was asked: a zone's screen, or the desk
enum class ConsultationStatus { open, closed };

const char* to_string(Channel channel);  // "kiosk", "desk"
std::optional<Channel> parse_channel(std::string_view text);
const char* to_string(ConsultationStatus status);  // "open", "closed"

// 政务服务"好差评": five faces, 5 the best.
enum class Rating { very_dissatisfied = 1, dissatisfied, basically_satisfied, satisfied, very_satisfied };
inline constexpr int kRatingCount = 5;
const char* rating_key(Rating rating);  // "very-satisfied", ... (reports, JSON)
const char* rating_zh(Rating rating);   // 非常满意, 满意, 基本满意, 不满意, 非常不满意
const char* rating_en(Rating rating);   // "Very satisfied", ...
// A low rating may carry a reason.
inline bool is_low(Rating rating) {
    return rating <= Rating::dissatisfied;
}

// A call-back the visitor asked for: the number is kept only with the
// separate consent given at `consented_at`, and deleted after the
// configured retention.
struct CallbackRequest {
    std::string phone;  // a mainland mobile number, 11 digits
    Instant consented_at;
};

// "13812345678" is a mainland mobile number: 11 digits starting 1[3-9].
bool is_mainland_mobile(std::string_view digits);

struct NewConsultation {
    Instant at;
    std::string category;  // a Categories id
    std::string topic;     // may be empty
    std::string zone;      // may be empty at the desk
    Channel channel = Channel::kiosk;
    std::string note;
    std::optional<CallbackRequest> callback;
};

// What the visitor is told once the record is committed.
struct Committed {
    ConsultationId id = 0;
    std::string
        queue_number;  // "A001": per hall and local day, for requests made at a screen; empty at the desk
};

struct Consultation {
    ConsultationId id = 0;
    Instant at;
    int utc_offset_minutes = 0;  // the hall's offset when it was recorded, for ISO 8601 with offset
    std::string category;
    std::string topic;
    std::string zone;
    Channel channel = Channel::kiosk;
    std::string note;
    ConsultationStatus status = ConsultationStatus::open;
    std::string queue_number;
    std::optional<Instant> closed_at;
    std::string closing_note;
    std::optional<Rating> rating;
    std::string rating_reason;
    bool callback_requested = false;
    std::string phone;  // empty once purged
};

// A visitor's session at a zone's screen: from the first touch after the
// attract loop to the idle return.
struct VisitSession {
    std::string zone;
    Instant started;
    Instant ended;
};

// A board a visitor read, and for how long it was on screen.
struct BoardView {
    std::string zone;
    std::string board;  // board id in the content package
    Instant opened;
    std::chrono::milliseconds dwell{0};
};

}  // namespace kiosk::records
