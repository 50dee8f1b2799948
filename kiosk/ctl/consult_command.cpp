#include "consult_command.h"

#include <charconv>
#include <iostream>

#include <nlohmann/json.hpp>

#include "consult_report_text.h"
#include "content/bounded_input.h"
#include "content/message_text.h"
#include "records/csv_import.h"

namespace kiosk::ctl {
namespace {

// The desk's earlier logs: a million rows is some 100 MB; a larger file is not one.
constexpr std::uintmax_t kMaxImportBytes = 1024ULL * 1024 * 1024;

records::Instant now() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

tl::unexpected<CtlError> refuse_for(const records::RecordError& error) {
    return refuse(error.message);
}

Outcome check_category(const std::string& category, const Call& call) {
    if (!category.empty() && call.context.categories.find(category) == nullptr) {
        return refuse("--category " + content::quoted_text(category) +
                      ": unknown category (the categories are " + call.context.categories.ids_text() + ")");
    }
    return {};
}

Outcome check_zone(const std::string& zone) {
    if (!zone.empty() && !scheduler::is_known_zone(zone)) {
        return refuse(unknown_zone_text(zone));
    }
    return {};
}

// A consultation's id as staff type it: a whole positive number.
tl::expected<records::ConsultationId, CtlError> parse_id(const std::string& text) {
    records::ConsultationId id = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, id);
    if (text.empty() || error != std::errc{} || stop != end || id <= 0) {
        return refuse(content::quoted_text(text) +
                      ": not a consultation id (a number, as consult list shows)");
    }
    return id;
}

nlohmann::ordered_json optional_text(const std::optional<records::Instant>& at, int offset) {
    return at ? nlohmann::ordered_json(records::format_with_offset(*at, offset))
              : nlohmann::ordered_json(nullptr);
}

// A consultation as JSON. The call-back number only when `with_phone`
// (show), and only while it is kept: lists never carry it.
nlohmann::ordered_json to_json(const records::Consultation& c, bool with_phone) {
    nlohmann::ordered_json row{{"id", c.id},
                               {"at", records::format_with_offset(c.at, c.utc_offset_minutes)},
                               {"category", c.category},
                               {"topic", c.topic},
                               {"zone", c.zone},
                               {"channel", records::to_string(c.channel)},
                               {"note", c.note},
                               {"status", records::to_string(c.status)},
                               {"queue_number", c.queue_number},
                               {"closed_at", optional_text(c.closed_at, c.utc_offset_minutes)},
                               {"closing_note", c.closing_note},
                               {"rating", c.rating ? nlohmann::ordered_json(records::rating_key(*c.rating))
                                                   : nlohmann::ordered_json()},
                               {"rating_reason", c.rating_reason},
                               {"callback", c.callback_requested}};
    if (with_phone) {
        row["phone"] = c.phone.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.phone);
    }
    return row;
}

// Text that is not UTF-8 cannot be stored, but JSON never stops a listing.
std::string dump(const nlohmann::ordered_json& json) {
    return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// --- consult add ---

struct Addition {
    std::string category;
    std::string topic;
    std::string zone;
    std::string note;
    std::string at;
    records::Instant when;  // once checked
};

void add_addition_options(CLI::App& app, Addition& addition) {
    app.add_option("--category", addition.category,
                   "what it was about: policy, legal-aid, ... (see the README)")
        ->required();
    app.add_option("--topic", addition.topic, "the topic within the category, in Chinese");
    app.add_option("--zone", addition.zone, "the zone it was asked in: boards, models, av, health");
    app.add_option("--note", addition.note, "the desk's note");
    app.add_option("--at", addition.at,
                   "when it was handled, YYYY-MM-DDTHH:MM in the hall's time (default now)");
}

Outcome check_addition(Addition& addition, const Call& call) {
    if (auto known = check_category(addition.category, call); !known) {
        return known;
    }
    if (auto known = check_zone(addition.zone); !known) {
        return known;
    }
    addition.when = now();
    if (!addition.at.empty()) {
        auto at = scheduler::parse_local_moment(addition.at, *call.context.time_zone);
        if (!at) {
            return refuse("--at: " + at.error());
        }
        addition.when = *at;
    }
    return {};
}

Outcome add_consultation(const Addition& addition, const Call& call) {
    records::NewConsultation consultation;
    consultation.at = addition.when;
    consultation.category = addition.category;
    consultation.topic = addition.topic;
    consultation.zone = addition.zone;
    consultation.channel = records::Channel::desk;
    consultation.note = addition.note;
    auto committed = call.records->add(consultation);
    if (!committed) {
        return refuse_for(committed.error());
    }
    call.out << committed->id << '\n';
    return {};
}

// --- consult list ---

// The start of a note, on the line's end: show gives it whole.
std::string note_text(const std::string& note) {
    std::string text = column(note, 40);
    text.erase(text.find_last_not_of(' ') + 1);
    return text;
}

struct Listing {
    Period period;
    std::string zone;
    std::string category;
    bool json = false;
};

void add_listing_options(CLI::App& app, Listing& listing) {
    app.add_option("--from", listing.period.from, "first day, YYYY-MM-DD");
    app.add_option("--to", listing.period.to, "last day, YYYY-MM-DD (included)");
    app.add_option("--zone", listing.zone, "only this zone");
    app.add_option("--category", listing.category, "only this category");
    app.add_flag("--json", listing.json, "as JSON, every field whole");
}

Outcome check_listing(Listing& listing, const Call& call) {
    if (auto period = check_period(listing.period, false); !period) {
        return period;
    }
    if (auto known = check_category(listing.category, call); !known) {
        return known;
    }
    return check_zone(listing.zone);
}

Outcome list_consultations(const Listing& listing, const Call& call) {
    records::ConsultationQuery query;
    query.from = listing.period.first_day;
    query.to = listing.period.last_day;
    if (!listing.zone.empty()) {
        query.zone = listing.zone;
    }
    if (!listing.category.empty()) {
        query.category = listing.category;
    }
    auto found = call.records->list(query);
    if (!found) {
        return refuse_for(found.error());
    }
    std::ostream& out = call.out;
    if (listing.json) {
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const records::Consultation& c : *found) {
            rows.push_back(to_json(c, false));
        }
        out << dump(rows) << '\n';
        return {};
    }
    const date::time_zone& tz = *call.context.time_zone;
    out << column("ID", 7) << ' ' << column("TIME", 16) << ' ' << column("CATEGORY 类别", 14) << ' '
        << column("TOPIC 话题", 18) << ' ' << column("ZONE", 7) << ' ' << column("CHANNEL", 7) << ' '
        << column("STATUS", 6) << " NOTE\n";
    for (const records::Consultation& c : *found) {
        const records::Category* category = call.context.categories.find(c.category);
        // Minutes are enough to find a consultation; show gives the rest.
        std::string at = scheduler::format_local_moment(c.at, tz).substr(0, 16);
        at[10] = ' ';
        out << column(std::to_string(c.id), 7) << ' ' << column(at, 16) << ' '
            << column(category != nullptr ? category->zh : c.category, 14) << ' ' << column(c.topic, 18)
            << ' ' << column(c.zone, 7) << ' ' << column(records::to_string(c.channel), 7) << ' '
            << column(records::to_string(c.status), 6) << ' ' << note_text(c.note) << '\n';
    }
    out << found->size() << " consultations\n";
    return {};
}

// --- consult show ---

struct Showing {
    std::string id;
    bool json = false;
    records::ConsultationId number = 0;  // once checked
};

void add_showing_options(CLI::App& app, Showing& showing) {
    app.add_option("ID", showing.id, "the consultation's id (consult list shows it)")->required();
    app.add_flag("--json", showing.json, "as JSON, every field whole");
}

Outcome check_showing(Showing& showing, const Call& /*call*/) {
    auto id = parse_id(showing.id);
    if (!id) {
        return tl::unexpected(id.error());
    }
    showing.number = *id;
    return {};
}

Outcome show_consultation(const Showing& showing, const Call& call) {
    auto found = call.records->get(showing.number);
    if (!found) {
        return refuse_for(found.error());
    }
    const records::Consultation& c = *found;
    std::ostream& out = call.out;
    if (showing.json) {
        out << dump(to_json(c, true)) << '\n';
        return {};
    }
    const records::Category* category = call.context.categories.find(c.category);
    const auto line = [&](const char* name, const std::string& value) {
        out << column(name, 14) << ' ' << visible(value) << '\n';
    };
    line("id", std::to_string(c.id));
    line("at", records::format_with_offset(c.at, c.utc_offset_minutes));
    line("category", c.category + (category != nullptr ? " " + category->zh : std::string()));
    line("topic", c.topic);
    line("zone", c.zone);
    line("channel", records::to_string(c.channel));
    if (!c.queue_number.empty()) {
        line("queue number", c.queue_number);
    }
    line("note", c.note);
    line("status", records::to_string(c.status));
    if (c.closed_at) {
        line("closed at", records::format_with_offset(*c.closed_at, c.utc_offset_minutes));
        line("closing note", c.closing_note);
    }
    if (c.rating) {
        line("rating",
             std::string(records::rating_zh(*c.rating)) + " (" + records::rating_en(*c.rating) + ")");
        if (!c.rating_reason.empty()) {
            line("rating reason", c.rating_reason);
        }
    }
    if (c.callback_requested) {
        line("call-back", c.phone.empty() ? "asked; the number has been deleted" : "asked, on " + c.phone);
    }
    return {};
}

// --- consult close ---

struct Closing {
    std::string id;
    std::string note;
    records::ConsultationId number = 0;  // once checked
};

void add_closing_options(CLI::App& app, Closing& closing) {
    app.add_option("ID", closing.id, "the consultation's id (consult list shows it)")->required();
    app.add_option("--note", closing.note, "how it was handled");
}

Outcome check_closing(Closing& closing, const Call& /*call*/) {
    auto id = parse_id(closing.id);
    if (!id) {
        return tl::unexpected(id.error());
    }
    closing.number = *id;
    return {};
}

Outcome close_consultation(const Closing& closing, const Call& call) {
    if (auto closed = call.records->close(closing.number, closing.note, now()); !closed) {
        return refuse_for(closed.error());
    }
    call.out << "closed consultation " << closing.number << '\n';
    return {};
}

// --- consult import ---

struct Import {
    std::string file;
    bool again = false;
};

void add_import_options(CLI::App& app, Import& import) {
    app.add_option("FILE", import.file, "CSV: at,category,topic,zone,channel,note with a header row")
        ->required();
    app.add_flag("--again", import.again,
                 "import a file imported before (only when its rows were deleted: else they count twice)");
}

Outcome import_consultations(const Import& import, const Call& call) {
    auto bytes = content::read_regular_file(import.file, kMaxImportBytes);
    if (!bytes) {
        return refuse(import.file + ": " + bytes.error().reason);
    }
    auto rows = records::read_consultation_csv(*bytes, call.context.categories, *call.context.time_zone);
    if (!rows) {
        // Every bad row at once, as compilers do, so staff mend the file in one go.
        for (const records::ImportProblem& problem : rows.error()) {
            call.err << import.file << ':' << problem.line << ": " << problem.message << '\n';
        }
        call.err << "kioskctl: " << call.command << ": " << rows.error().size()
                 << " bad rows; nothing was imported\n";
        return already_said();
    }
    // The zones are the hall's four, as for consult add.
    bool zones_known = true;
    for (const records::ImportRow& row : *rows) {
        const std::string& zone = row.consultation.zone;
        if (!zone.empty() && !scheduler::is_known_zone(zone)) {
            call.err << import.file << ':' << row.line << ": unknown zone " << content::quoted_text(zone)
                     << " (the zones are boards, models, av, health, or none)\n";
            zones_known = false;
        }
    }
    if (!zones_known) {
        call.err << "kioskctl: " << call.command << ": nothing was imported\n";
        return already_said();
    }
    const records::ImportSource source{
        records::sha256_hex(*bytes), import.file,
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()),
        import.again};
    auto imported = call.records->import(*rows, source);
    if (!imported) {
        return refuse(imported.error().message + "; nothing was imported" +
                      (imported.error().kind == records::RecordErrorKind::conflict
                           ? " (--again imports it anyway)"
                           : ""));
    }
    call.out << *imported << '\n';
    return {};
}

// --- consult purge ---

struct Purge {};

Outcome purge_callbacks(const Purge& /*purge*/, const Call& call) {
    auto purged = call.records->purge_callbacks(now(), call.context.callback_retention);
    if (!purged) {
        return refuse_for(purged.error());
    }
    call.out << *purged << '\n';
    return {};
}

}  // namespace

std::vector<CommandEntry> consult_commands() {
    return {
        command_group({"consult"}, "the desk's log of consultations: add, list, show, close, import, purge"),
        leaf_command<Addition>(
            {"consult", "add"}, "log a consultation handled at the desk; prints its id", Needs::records,
            {.add_options = add_addition_options, .check = check_addition, .run = add_consultation}),
        leaf_command<Listing>(
            {"consult", "list"}, "consultations, oldest first", Needs::records,
            {.add_options = add_listing_options, .check = check_listing, .run = list_consultations}),
        leaf_command<Showing>(
            {"consult", "show"}, "one consultation, every field", Needs::records,
            {.add_options = add_showing_options, .check = check_showing, .run = show_consultation}),
        leaf_command<Closing>(
            {"consult", "close"}, "mark a consultation handled", Needs::records,
            {.add_options = add_closing_options, .check = check_closing, .run = close_consultation}),
        leaf_command<Import>(
            {"consult", "import"}, "the desk's earlier logs from CSV, all or nothing; prints how many",
            Needs::records, {.add_options = add_import_options, .run = import_consultations}),
        leaf_command<Purge>({"consult", "purge"},
                            "delete call-back numbers past callback_retention_days; prints how many",
                            Needs::records, {.run = purge_callbacks}),
    };
}

}  // namespace kiosk::ctl
