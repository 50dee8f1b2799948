#include "records/consultation.h"

namespace kiosk::records {

const char* to_string(Channel channel) {
    return channel == Channel::kiosk ? "kiosk" : "desk";
}

std::optional<Channel> parse_channel(std::string_view text) {
    if (text == "kiosk") {
        return Channel::kiosk;
    }
    if (text == "desk") {
        return Channel::desk;
    }
    return std::nullopt;
}

const char* to_string(ConsultationStatus status) {
    return status == ConsultationStatus::open ? "open" : "closed";
}

const char* rating_key(Rating rating) {
    switch (rating) {
        case Rating::very_satisfied:
            return "very-satisfied";
        case Rating::satisfied:
            return "satisfied";
        case Rating::basically_satisfied:
            return "basically-satisfied";
        case Rating::dissatisfied:
            return "dissatisfied";
        case Rating::very_dissatisfied:
            return "very-dissatisfied";
    }
    return "unrated";
}

const char* rating_zh(Rating rating) {
    switch (rating) {
        case Rating::very_satisfied:
            return "非常满意";
        case Rating::satisfied:
            return "满意";
        case Rating::basically_satisfied:
            return "基本满意";
        case Rating::dissatisfied:
            return "不满意";
        case Rating::very_dissatisfied:
            return "非常不满意";
    }
    return "";
}

const char* rating_en(Rating rating) {
    switch (rating) {
        case Rating::very_satisfied:
            return "Very satisfied";
        case Rating::satisfied:
            return "Satisfied";
        case Rating::basically_satisfied:
            return "Fairly satisfied";
        case Rating::dissatisfied:
            return "Dissatisfied";
        case Rating::very_dissatisfied:
            return "Very dissatisfied";
    }
    return "";
}

bool is_mainland_mobile(std::string_view digits) {
    if (digits.size() != 11 || digits[0] != '1' || digits[1] < '3' || digits[1] > '9') {
        return false;
    }
    for (const char digit : digits) {
        if (digit < '0' || digit > '9') {
            return false;
        }
    }
    return true;
}

}  // namespace kiosk::records
