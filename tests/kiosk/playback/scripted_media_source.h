#pragma once
// A MediaSource from a script instead of a file: every picture and chunk of
// sound is made when the item is opened, so a player test decodes nothing and
// runs in milliseconds. Pictures are 4x4 yuv420p of one luma (or, for a ramp,
// 16 plus the picture's number, so a picture tells its own time).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "playback/media_source.h"

namespace kiosk::playback::test {

struct ScriptedFilm {
    double seconds = 2.0;
    double frame_interval = 1.0 / 30.0;
    int luma = 100;
    bool ramp = false;                           // luma = 16 + the picture's number
    bool sound = false;                          // decoded when the screen has sound
    bool still = false;                          // one picture, shown for the still time
    double gop_seconds = 1.0;                    // keyframes: where a start mid-way begins
    std::optional<content::MediaError> refusal;  // opening fails with it

    static ScriptedFilm solid(int luma) {
        ScriptedFilm film;
        film.luma = luma;
        return film;
    }
    static ScriptedFilm ramp_with_sound(double seconds) {
        ScriptedFilm film;
        film.seconds = seconds;
        film.ramp = true;
        film.sound = true;
        return film;
    }
    static ScriptedFilm refused(content::MediaError error) {
        ScriptedFilm film;
        film.refusal = std::move(error);
        return film;
    }
};

class ScriptedMediaSource final : public MediaSource {
  public:
    static constexpr int kSize = 4;
    static constexpr std::size_t kChunkFrames = 1024;

    ScriptedMediaSource(std::filesystem::path path, const ScriptedFilm& film, const SourceOptions& options)
        : m_path(std::move(path)), m_video(100000), m_audio(100000) {
        m_info.has_video = true;
        m_info.has_audio = film.sound && options.audio.has_value();
        m_info.is_still = film.still;
        m_info.width = kSize;
        m_info.height = kSize;
        m_info.nominal_frame_interval = film.frame_interval;
        m_info.duration = film.still ? 0.0 : film.seconds;
        if (film.still) {
            m_video.push(VideoFrame{picture(film.luma), 0.0, options.still_seconds, false});
            m_video.push(VideoFrame{Picture{}, 0.0, 0.0, true});
            return;
        }
        const double begin = options.start_seconds > 0.0
                                 ? std::floor(options.start_seconds / film.gop_seconds) * film.gop_seconds
                                 : 0.0;
        const auto frames = static_cast<int>(std::llround(film.seconds / film.frame_interval));
        const auto first = static_cast<int>(std::llround(begin / film.frame_interval));
        for (int number = first; number < frames; ++number) {
            const int luma = film.ramp ? 16 + number : film.luma;
            m_video.push(VideoFrame{picture(luma), number * film.frame_interval, film.frame_interval, false});
        }
        m_video.push(VideoFrame{Picture{}, frames * film.frame_interval, 0.0, true});
        if (m_info.has_audio) {
            const AudioFormat format = *options.audio;
            const auto total = static_cast<std::size_t>(std::llround(film.seconds * format.sample_rate));
            std::size_t at =
                static_cast<std::size_t>(begin * format.sample_rate) / kChunkFrames * kChunkFrames;
            while (at < total) {
                const std::size_t length = std::min(kChunkFrames, total - at);
                AudioChunk chunk;
                chunk.samples.assign(length * static_cast<std::size_t>(format.channels), 0.5f);
                chunk.pts = static_cast<double>(at) / format.sample_rate;
                m_audio.push(std::move(chunk));
                at += length;
            }
            m_audio.push(AudioChunk{{}, film.seconds, true});
        }
    }

    const StreamInfo& info() const override { return m_info; }
    const std::filesystem::path& path() const override { return m_path; }
    tl::expected<void, content::MediaError> wait_for_first_frame(SteadyTime, const Clock&) override {
        return {};
    }
    void start_playing() override {}
    BoundedQueue<VideoFrame>& video_frames() override { return m_video; }
    BoundedQueue<AudioChunk>& audio_chunks() override { return m_audio; }
    int decode_errors() const override { return 0; }

  private:
    struct Pixels final : PictureStorage {
        std::vector<std::uint8_t> bytes;
    };

    static Picture picture(int luma) {
        auto pixels = std::make_unique<Pixels>();
        constexpr int chroma = kSize / 2;
        pixels->bytes.assign(kSize * kSize + 2 * chroma * chroma, 128);
        std::fill_n(pixels->bytes.begin(), kSize * kSize,
                    static_cast<std::uint8_t>(std::clamp(luma, 0, 255)));
        const std::uint8_t* data = pixels->bytes.data();
        const std::array<PicturePlane, 3> planes{
            PicturePlane{data, kSize}, PicturePlane{data + kSize * kSize, chroma},
            PicturePlane{data + kSize * kSize + chroma * chroma, chroma}};
        return Picture(PictureFormat{PixelLayout::yuv420p, kSize, kSize}, planes, std::move(pixels));
    }

    std::filesystem::path m_path;
    StreamInfo m_info;
    BoundedQueue<VideoFrame> m_video;
    BoundedQueue<AudioChunk> m_audio;
};

// The films a test's screen can open, by file name; anything else is missing.
class ScriptedLibrary {
  public:
    void add(const std::string& name, ScriptedFilm film) {
        std::lock_guard lock(m_mutex);
        m_films[name] = std::move(film);
    }

    struct Opened {
        std::string name;
        double start_seconds;
    };
    std::vector<Opened> opened() const {
        std::lock_guard lock(m_mutex);
        return m_opened;
    }

    // Called on the preparer's thread.
    MediaOpener opener() {
        return [this](const std::filesystem::path& path, const SourceOptions& options)
                   -> tl::expected<std::unique_ptr<MediaSource>, content::MediaError> {
            const std::string name = path.filename().string();
            std::lock_guard lock(m_mutex);
            m_opened.push_back(Opened{name, options.start_seconds});
            const auto film = m_films.find(name);
            if (film == m_films.end()) {
                return tl::unexpected(content::MediaError{content::MediaErrorKind::missing, "no such file"});
            }
            if (film->second.refusal) {
                return tl::unexpected(*film->second.refusal);
            }
            return std::make_unique<ScriptedMediaSource>(path, film->second, options);
        };
    }

  private:
    std::map<std::string, ScriptedFilm> m_films;
    mutable std::mutex m_mutex;
    std::vector<Opened> m_opened;
};

}  // namespace kiosk::playback::test
