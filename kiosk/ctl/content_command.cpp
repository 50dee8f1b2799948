#include "content_command.h"

#include <algorithm>
#include <charconv>
#include <iostream>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "media/library_log.h"
#include "media/media_probe.h"
#include "render/font_lookup.h"
#include "render/sdl_picture_decoder.h"
#include "render/text_engine.h"
#include "ui/exhibit_text_fit.h"

namespace kiosk::ctl {
namespace {

// Most pictures and films probed at once.
constexpr unsigned kMostProbeThreads = 8;

// The hall's screens unless staff name others: full HD, landscape and portrait.
const std::vector<ScreenSize> kDefaultScreens = {{1920, 1080}, {1080, 1920}};

std::optional<int> positive_number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value <= 0) {
        return std::nullopt;
    }
    return value;
}

std::string plural(std::size_t count, std::string_view noun) {
    return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

struct PackageCounts {
    std::size_t boards = 0;
    std::size_t files = 0;  // distinct files the manifest names
};

PackageCounts count(const content::Package& package) {
    PackageCounts counts;
    std::set<std::filesystem::path> files;
    for (const content::Zone& zone : package.zones) {
        files.insert(zone.programme.begin(), zone.programme.end());
        for (const content::Section& section : zone.sections) {
            counts.boards += section.boards.size();
            for (const content::Board& board : section.boards) {
                for (const content::Picture& image : board.images) {
                    files.insert(image.file);
                }
                if (board.video) {
                    files.insert(board.video->file);
                }
            }
        }
        for (const content::Model& model : zone.models) {
            files.insert(model.picture);
        }
    }
    counts.files = files.size();
    return counts;
}

nlohmann::json problems_json(const std::vector<content::PackageProblem>& problems) {
    nlohmann::json list = nlohmann::json::array();
    for (const content::PackageProblem& problem : problems) {
        list.push_back({{"file", problem.file},
                        {"line", problem.line},
                        {"column", problem.column},
                        {"pointer", problem.pointer},
                        {"reason", problem.reason}});
    }
    return list;
}

}  // namespace

std::optional<ScreenSize> parse_screen_size(const std::string& text) {
    const std::size_t by = text.find('x');
    if (by == std::string::npos) {
        return std::nullopt;
    }
    const auto width = positive_number(std::string_view(text).substr(0, by));
    const auto height = positive_number(std::string_view(text).substr(by + 1));
    if (!width || !height) {
        return std::nullopt;
    }
    return ScreenSize{*width, *height};
}

namespace {

// The kiosk's own fonts and layout, so a text that passes here fits on screen.
class ScreenTextFit final : public content::TextFit {
  public:
    ScreenTextFit(std::unique_ptr<render::TextEngine> fonts, const TextFitScreens& screens)
        : m_fonts(std::move(fonts)), m_fit(metrics(screens), *m_fonts) {}

    std::vector<std::string> overflows(content::TextBox box, std::string_view text,
                                       content::Language language) const override {
        return m_fit.overflows(box, text, language);
    }

  private:
    static std::vector<ui::ScreenMetrics> metrics(const TextFitScreens& screens) {
        std::vector<ui::ScreenMetrics> result;
        for (const ScreenSize& size : screens.sizes) {
            result.push_back(ui::ScreenMetrics{size.width, size.height, 3.6});
        }
        return result;
    }

    std::unique_ptr<render::TextEngine> m_fonts;
    ui::ExhibitTextFit m_fit;
};

}  // namespace

// Without a CJK font texts go unmeasured, and the summary says so.
std::unique_ptr<content::TextFit> make_text_fit(const CtlContext& /*context*/,
                                                const TextFitScreens& screens) {
    const auto files = render::find_cjk_font_files();
    if (!files) {
        std::cerr << "kioskctl: no CJK font installed (fonts-noto-cjk): texts are not measured\n";
        return nullptr;
    }
    auto fonts = render::TextEngine::create(*files);
    if (!fonts) {
        std::cerr << "kioskctl: " << fonts.error().message << ": texts are not measured\n";
        return nullptr;
    }
    return std::make_unique<ScreenTextFit>(std::move(*fonts), screens);
}

namespace {

struct PackageCheck {
    std::filesystem::path directory;
    std::vector<std::string> sizes;
    bool json = false;
};

void add_check_options(CLI::App& app, PackageCheck& check) {
    app.add_option("DIR", check.directory, "package directory (holding manifest.json)")->required();
    app.add_option("--size", check.sizes,
                   "screen size WxH the texts must fit (repeatable; default 1920x1080 and 1080x1920)")
        ->expected(1)
        ->allow_extra_args(false)  // one size per --size, so DIR after it stays DIR
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->check(CLI::Validator(
            [](std::string& text) {
                return parse_screen_size(text) ? std::string()
                                               : "expected WxH, e.g. 1080x1920, got '" + text + "'";
            },
            "WxH", "screen size"));
    app.add_flag("--json", check.json, "print JSON");
}

// Refused (exit 1) for a package with problems, each printed first;
// unreadable (exit 2) when DIR is not a readable folder.
Outcome check_package(const PackageCheck& check, const Call& call) {
    const CtlContext& context = call.context;
    std::ostream& out = call.out;
    const std::filesystem::path& directory = check.directory;
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error)) {
        return tl::unexpected(
            CtlError{CtlErrorKind::unreadable,
                     directory.string() + ": " + (error ? error.message() : "not a directory")});
    }
    if (std::filesystem::directory_iterator(directory, error); error) {
        return tl::unexpected(
            CtlError{CtlErrorKind::unreadable, directory.string() + ": " + error.message()});
    }

    TextFitScreens screens;
    for (const std::string& size : check.sizes) {
        screens.sizes.push_back(*parse_screen_size(size));  // the option's check let only sizes through
    }
    if (screens.sizes.empty()) {
        screens.sizes = kDefaultScreens;
    }
    const std::unique_ptr<content::TextFit> text_fit = make_text_fit(context, screens);

    media::set_library_log(media::LibraryLog::quiet);  // each file's reason is reported once, in the problem
    content::CheckOptions options;
    options.text_fit = text_fit.get();
    // Films opened as the player opens them, pictures decoded as the screens decode them.
    const media::FfmpegMediaProber films;
    options.media_prober = &films;
    const render::SdlPictureDecoder pictures;
    options.picture_decoder = &pictures;
    // Every processor, up to a bound: a 4K film's probe holds tens of megabytes.
    options.probe_threads =
        static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1U, kMostProbeThreads));
    const auto package = content::load_checked_package(directory, options);
    const std::vector<content::PackageProblem> problems =
        package ? std::vector<content::PackageProblem>{} : package.error();

    if (check.json) {
        nlohmann::json report{{"directory", directory.string()},
                              {"ok", problems.empty()},
                              {"texts_measured", text_fit != nullptr},
                              {"problems", problems_json(problems)}};
        if (package) {
            report["package"] = {
                {"id", package->id}, {"version", package->version}, {"sample", package->sample}};
        }
        out << report.dump(2) << '\n';
        return problems.empty() ? Outcome() : Outcome(already_said());
    }
    for (const content::PackageProblem& problem : problems) {
        out << to_string(problem) << '\n';
    }
    if (!problems.empty()) {
        out << plural(problems.size(), "problem") << " in " << directory.string()
            << ": the package would be refused\n";
        return already_said();
    }
    const PackageCounts counts = count(*package);
    out << "package " << package->id << " " << package->version << ": no problems ("
        << plural(package->zones.size(), "zone") << ", " << plural(counts.boards, "board") << ", "
        << plural(counts.files, "file") << (text_fit ? "" : "; texts not measured") << ")\n";
    return {};
}

}  // namespace

std::vector<CommandEntry> content_commands() {
    return {
        command_group({"content"}, "content packages for the touch exhibits"),
        leaf_command<PackageCheck>({"content", "check"},
                                   "every problem of a package, with its place in manifest.json",
                                   Needs::nothing, {.add_options = add_check_options, .run = check_package}),
    };
}

}  // namespace kiosk::ctl
