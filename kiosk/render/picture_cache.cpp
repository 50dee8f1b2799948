#include "picture_cache.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

#include "sdl_picture_decoder.h"

namespace kiosk::render {
namespace {

// A picture file as an ARGB surface, or null with the reason. Safe on any
// thread: it touches no renderer.
SurfacePtr decode(const std::string& file, std::string& error) {
    auto decoded = decode_picture(file);
    if (!decoded) {
        error = decoded.error();
        return nullptr;
    }
    return std::move(*decoded);
}

// Whether every pixel of an ARGB8888 surface is fully opaque: such a picture
// is copied rather than blended, which the software renderer does several
// times faster.
bool is_opaque(const SDL_Surface& surface) {
    for (int row = 0; row < surface.h; ++row) {
        const auto* pixel = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(surface.pixels) +
                                                            static_cast<std::ptrdiff_t>(row) * surface.pitch);
        for (int column = 0; column < surface.w; ++column) {
            if ((pixel[column] & 0xFF000000u) != 0xFF000000u) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace

// The worker that decodes pictures ahead of need. The main thread asks for
// files and takes decoded surfaces back; both sides meet only under m_mutex.
// Destruction asks the worker to stop after the picture it is on, and joins.
class PictureDecoder {
  public:
    struct Decoded {
        std::string file;
        SurfacePtr surface;  // null when the file does not decode
        std::string error;
        bool opaque = false;
    };

    PictureDecoder() : m_thread([this](std::stop_token stop) { run(stop); }) {}
    ~PictureDecoder() {
        m_thread.request_stop();
        m_wake.notify_all();
    }

    void ask(std::vector<std::string> files) {
        {
            std::lock_guard lock(m_mutex);
            for (std::string& file : files) {
                if (file != m_working &&
                    std::find(m_pending.begin(), m_pending.end(), file) == m_pending.end()) {
                    m_pending.push_back(std::move(file));
                }
            }
        }
        m_wake.notify_all();
    }

    std::vector<Decoded> take_finished() {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_finished, {});
    }

    // `file` decoded now: taken off the queue and decoded on this thread, or,
    // if the worker is on it, waited for. Whatever else the worker finished
    // comes along (first), so nothing it did is lost.
    std::vector<Decoded> decode_now(const std::string& file) {
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [&] { return m_working != file; });
        std::vector<Decoded> result = std::exchange(m_finished, {});
        const bool ready =
            std::any_of(result.begin(), result.end(), [&](const Decoded& d) { return d.file == file; });
        if (!ready) {
            m_pending.erase(std::remove(m_pending.begin(), m_pending.end(), file), m_pending.end());
            lock.unlock();
            result.push_back(decode_file(file));
        }
        return result;
    }

  private:
    static Decoded decode_file(const std::string& file) {
        Decoded decoded{file, nullptr, {}, false};
        decoded.surface = decode(file, decoded.error);
        decoded.opaque = decoded.surface && is_opaque(*decoded.surface);
        return decoded;
    }

    void run(std::stop_token stop) {
        std::unique_lock lock(m_mutex);
        while (true) {
            m_wake.wait(lock, stop, [&] { return !m_pending.empty(); });
            if (stop.stop_requested()) {
                return;
            }
            m_working = std::move(m_pending.front());
            m_pending.pop_front();
            lock.unlock();
            Decoded decoded = decode_file(m_working);
            lock.lock();
            m_finished.push_back(std::move(decoded));
            m_working.clear();
            m_done.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable_any m_wake;  // work asked for, or stop
    std::condition_variable m_done;      // the worker finished a picture
    std::deque<std::string> m_pending;
    std::string m_working;  // the file the worker decodes now; empty when idle
    std::vector<Decoded> m_finished;
    std::jthread m_thread;  // last: starts once everything above exists, joins first
};

PictureCache::PictureCache(SDL_Renderer* renderer, std::size_t budget_bytes)
    : m_renderer(renderer), m_budget(budget_bytes) {
    // On the main thread, before the worker loads.
    prepare_picture_decoding();
    m_decoder = std::make_unique<PictureDecoder>();
}

PictureCache::~PictureCache() = default;

void PictureCache::keep(const std::string& key, SurfacePtr decoded, bool opaque, bool ahead) const {
    if (!decoded) {
        m_sizes[key] = std::nullopt;
        return;
    }
    if (opaque) {
        m_opaque.insert(key);
    }
    m_sizes[key] = ui::PictureSize{decoded->w, decoded->h};
    const std::size_t bytes = static_cast<std::size_t>(decoded->pitch) * static_cast<std::size_t>(decoded->h);
    // A picture decoded ahead makes no room for itself: the ones asked for
    // first (the section pages' thumbnails) stay, later ones keep their size
    // only and are decoded again when drawn.
    if (m_sources.contains(key) || (ahead && m_source_bytes + bytes > m_budget / 2)) {
        return;
    }
    m_source_ages.push_front(key);
    m_sources.emplace(key, Source{std::move(decoded), bytes, m_source_ages.begin()});
    m_source_bytes += bytes;
    // The newest stays even alone over budget: it is about to be scaled.
    while (m_source_bytes > m_budget / 2 && m_source_ages.size() > 1) {
        const auto oldest = m_sources.find(m_source_ages.back());
        m_source_bytes -= oldest->second.bytes;
        m_sources.erase(oldest);
        m_source_ages.pop_back();
    }
}

void PictureCache::collect() const {
    for (PictureDecoder::Decoded& decoded : m_decoder->take_finished()) {
        if (!decoded.surface) {
            spdlog::warn("cannot read picture {}: {}", decoded.file, decoded.error);
        }
        keep(decoded.file, std::move(decoded.surface), decoded.opaque, true);
    }
}

void PictureCache::decode_ahead(const std::vector<std::filesystem::path>& files) {
    collect();
    std::vector<std::string> wanted;
    for (const std::filesystem::path& file : files) {
        std::string key = file.string();
        if (!m_sizes.contains(key) && std::find(wanted.begin(), wanted.end(), key) == wanted.end()) {
            wanted.push_back(std::move(key));
        }
    }
    m_decoder->ask(std::move(wanted));
}

SDL_Surface* PictureCache::source(const std::string& key) const {
    collect();
    if (auto found = m_sources.find(key); found != m_sources.end()) {
        m_source_ages.splice(m_source_ages.begin(), m_source_ages, found->second.age);
        return found->second.surface.get();
    }
    for (PictureDecoder::Decoded& decoded : m_decoder->decode_now(key)) {
        if (!decoded.surface) {
            spdlog::warn("cannot read picture {}: {}", decoded.file, decoded.error);
        }
        keep(decoded.file, std::move(decoded.surface), decoded.opaque, decoded.file != key);
    }
    const auto found = m_sources.find(key);
    return found == m_sources.end() ? nullptr : found->second.surface.get();
}

std::optional<ui::PictureSize> PictureCache::size_of(const std::filesystem::path& file) const {
    const std::string key = file.string();
    collect();
    if (auto found = m_sizes.find(key); found != m_sizes.end()) {
        return found->second;
    }
    source(key);
    return m_sizes[key];
}

SDL_Texture* PictureCache::texture(const std::filesystem::path& file, int width, int height) {
    if (width <= 0 || height <= 0) {
        return nullptr;
    }
    auto key = std::make_tuple(file.string(), width, height);
    if (auto found = m_textures.find(key); found != m_textures.end()) {
        m_ages.splice(m_ages.begin(), m_ages, found->second.age);
        return found->second.texture.get();
    }
    if (m_sizes.contains(std::get<0>(key)) && !m_sizes[std::get<0>(key)]) {
        return nullptr;  // known not to decode: not tried again on every frame
    }
    SDL_Surface* original = source(std::get<0>(key));
    if (original == nullptr) {
        return nullptr;
    }
    SurfacePtr scaled(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!scaled) {
        return nullptr;
    }
    // Linear scaling once per size; the renderer then copies 1:1.
    SDL_Rect destination{0, 0, width, height};
    if (SDL_SoftStretchLinear(original, nullptr, scaled.get(), &destination) != 0) {
        SDL_BlitScaled(original, nullptr, scaled.get(), &destination);
    }
    TexturePtr texture(SDL_CreateTextureFromSurface(m_renderer, scaled.get()));
    if (!texture) {
        return nullptr;
    }
    if (m_opaque.contains(std::get<0>(key))) {
        SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_NONE);
    }
    ++m_decodes;
    const std::size_t bytes = static_cast<std::size_t>(width) * height * 4;
    m_ages.push_front(key);
    SDL_Texture* result = texture.get();
    m_textures.emplace(key, Scaled{std::move(texture), bytes, m_ages.begin()});
    m_used += bytes;
    while (m_used > m_budget && m_ages.size() > 1) {
        auto oldest = m_textures.find(m_ages.back());
        m_used -= oldest->second.bytes;
        m_textures.erase(oldest);
        m_ages.pop_back();
    }
    return result;
}

}  // namespace kiosk::render
