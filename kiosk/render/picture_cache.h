#pragma once
// The content package's pictures as textures, each scaled once to the size it
// is drawn at (the software renderer would otherwise scale it every frame),
// and their sizes for layout. Decoding a PNG takes tens of milliseconds, so
// pictures named ahead (decode_ahead) are decoded on a worker thread while
// the screens go on; a picture needed before the worker got to it is decoded
// at once. Textures, sizes and every call: main thread only.

#include <SDL.h>

#include <cstddef>
#include <filesystem>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "sdl_deleters.h"
#include "ui/screen_layout.h"

namespace kiosk::render {

class PictureDecoder;

class PictureCache final : public ui::PictureSizes {
  public:
    // `renderer` must outlive the cache. `budget_bytes` bounds the scaled
    // textures kept (least recently drawn go first); half of it bounds the
    // decoded originals kept to scale from.
    PictureCache(SDL_Renderer* renderer, std::size_t budget_bytes);
    ~PictureCache() override;
    PictureCache(const PictureCache&) = delete;
    PictureCache& operator=(const PictureCache&) = delete;

    std::optional<ui::PictureSize> size_of(const std::filesystem::path& file) const override;

    // The picture scaled to exactly width x height; null when it cannot be read.
    SDL_Texture* texture(const std::filesystem::path& file, int width, int height);

    // Has the worker decode `files`, in this order, after what it was asked
    // before; files decoded or asked for already are skipped.
    void decode_ahead(const std::vector<std::filesystem::path>& files);
    // Takes in what the worker decoded (also done by every other call).
    // Cheap when it has nothing: one lock.
    void collect() const;

    std::size_t textures_kept() const { return m_textures.size(); }
    std::size_t decodes() const { return m_decodes; }

  private:
    using TextureKey = std::tuple<std::string, int, int>;
    struct Scaled {
        TexturePtr texture;
        std::size_t bytes = 0;
        std::list<TextureKey>::iterator age;
    };
    struct Source {
        SurfacePtr surface;
        std::size_t bytes = 0;
        std::list<std::string>::iterator age;
    };

    SDL_Surface* source(const std::string& key) const;
    // Takes in a decoded picture (null: it does not decode); `ahead`: decoded
    // before anyone asked for it.
    void keep(const std::string& key, SurfacePtr decoded, bool opaque, bool ahead) const;

    SDL_Renderer* m_renderer;
    std::size_t m_budget;
    std::size_t m_used = 0;
    std::size_t m_decodes = 0;
    std::unique_ptr<PictureDecoder> m_decoder;
    // Decoded originals, needed only to scale: the least recently used go
    // past the budget and are decoded again if a new size is ever asked for.
    // Sizes stay known for good.
    mutable std::map<std::string, Source> m_sources;
    mutable std::list<std::string> m_source_ages;  // front: most recently used
    mutable std::map<std::string, std::optional<ui::PictureSize>> m_sizes;
    mutable std::set<std::string> m_opaque;  // pictures without a transparent pixel: copied, not blended
    mutable std::size_t m_source_bytes = 0;
    std::map<TextureKey, Scaled> m_textures;
    std::list<TextureKey> m_ages;  // front: most recently drawn
};

}  // namespace kiosk::render
