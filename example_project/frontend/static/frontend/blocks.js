// One renderer per block type of a module body. Unknown types are skipped, so an
// API that grows a block type does not break this frontend.

import { clock, h, richText } from "./dom.js";
import { exercise } from "./exercise.js";
import { localHref } from "./links.js";

const RENDERERS = {
  LearningTextBlock: (block) => richText(block.html),
  LearningImageBlock: image,
  LearningAudioBlock: audio,
  LearningVideoBlock: video,
  LearningExerciseBlock: exercise,
  LearningDownloadBlock: download,
  LearningLinkBlock: link,
};

/** The blocks of `page`'s body (an exercise answers for its page). */
export function blocks(body, page) {
  return h("div", { class: "blocks" }, body.map((block) => {
    const render = RENDERERS[block.__typename];
    // The block's id and type: progress is recorded per block (tracking.js).
    return render ? h("div", { class: `block block--${block.__typename}`, "data-block-id": block.id,
      "data-block-type": block.__typename }, render(block, page)) : null;
  }));
}

function image(block) {
  const picture = block.image?.rendition;
  if (!picture) return null;
  return h("figure", {},
    h("img", { src: picture.url, srcset: block.image.srcset,
      sizes: "(min-width: 60rem) 48rem, 100vw", width: picture.width, height: picture.height,
      alt: block.altText, loading: "lazy" }),
    block.caption && h("figcaption", {}, block.caption));
}

function audio(block) {
  if (!block.audio) return null;
  return h("figure", { class: "media" },
    h("figcaption", { class: "media__title" }, block.title,
      h("span", { class: "media__duration" }, ` (${clock(block.audio.duration)})`)),
    h("audio", { controls: true, preload: "none", src: block.audio.url,
      "aria-label": `Audio: ${block.title}` }),
    transcript(block.transcript, block.title));
}

function video(block) {
  const file = block.video;
  let player;
  if (file) {
    player = h("video", { controls: true, preload: "none", width: file.width,
      height: file.height, poster: file.thumbnailUrl, "aria-label": `Video: ${block.title}` },
    h("source", { src: file.url, type: file.mimeType }),
    block.subtitles && h("track", { kind: "subtitles", srclang: "nl", label: "Nederlands",
      src: block.subtitles.url, default: true }));
  } else if (block.embedUrl) {
    player = embedded(block);
  } else {
    return null;
  }
  return h("figure", { class: "media" },
    h("figcaption", { class: "media__title" }, block.title,
      block.duration > 0 && h("span", { class: "media__duration" }, ` (${clock(block.duration)})`)),
    player,
    transcript(block.transcript, block.title));
}

// A video from a video platform loads only when the learner asks for it: the platform
// sees the visit, and on a slow phone connection it is a big download.
function embedded(block) {
  const host = new URL(block.embedUrl).hostname.replace(/^www\./, "");
  const frame = h("div", { class: "embed" },
    h("p", {}, `Deze video staat op ${host}.`),
    h("button", { type: "button", class: "button", onclick: () => {
      const iframe = h("iframe", { src: playerUrl(block.embedUrl), title: block.title,
        allow: "fullscreen; picture-in-picture", loading: "lazy" });
      frame.replaceChildren(iframe);
      iframe.focus();
    } }, `Video laden van ${host}`));
  return frame;
}

function playerUrl(url) {
  const vimeo = url.match(/vimeo\.com\/(\d+)/);
  if (vimeo) return `https://player.vimeo.com/video/${vimeo[1]}`;
  const youtube = url.match(/(?:youtu\.be\/|v=)([\w-]{11})/);
  if (youtube) return `https://www.youtube-nocookie.com/embed/${youtube[1]}`;
  return url;
}

/** The transcript of an audio or video, named by it: a part may have several. */
function transcript(html, title) {
  if (!html) return null;
  return h("details", { class: "transcript" },
    h("summary", {}, `Uitgeschreven tekst van ‘${title}’`),
    richText(html));
}

function download(block) {
  const doc = block.document;
  if (!doc) return null;
  return h("div", { class: "card card--download" },
    documentLink(doc.url, `Download: ${block.title}`, doc),
    block.description && h("p", {}, block.description));
}

/** A link to a file with its type and size: "(PDF, 4 kB)" to see, "(PDF, 4 kB, opent in
 * een nieuw tabblad)" to hear. It opens in a new tab, so the module stays as it was in
 * this one: where the learner was, and the answers given. */
function documentLink(href, label, doc) {
  const about = doc ? `${doc.fileExtension.toUpperCase()}, ${size(doc.fileSize)}` : "";
  return h("a", { href, class: "card__link", target: "_blank", rel: "noopener",
    "aria-label": `${label} (${about ? `${about}, ` : ""}opent in een nieuw tabblad)` },
  label, about && h("span", { class: "card__meta" }, ` (${about})`));
}

const LINK_KINDS = {
  BORG_WEBSITE: "Website De Borg", KNOWLEDGE_SITE: "Kennis vindplaats",
  EXTERNAL_MODULE: "Module van een andere aanbieder", OTHER: "Link",
};

function link(block) {
  const href = localHref(block.url);
  const external = block.targetType === "URL";
  const toDocument = block.targetType === "DOCUMENT";
  let anchor = h("p", { class: "card__link" }, block.label);
  if (href && toDocument) anchor = documentLink(href, block.label, block.document);
  else if (href) {
    anchor = h("a", { href, class: "card__link" }, block.label,
      external && h("span", { class: "visually-hidden" }, " (andere website)"));
  }
  return h("div", { class: "card card--link" },
    h("p", { class: "card__kind" }, kind(block)),
    anchor,
    block.description && h("p", {}, block.description));
}

/** What a link block leads to: a page of this environment (whatever the editor chose as
 * its kind, it is not "the website"), a document, or the kind the editor chose. */
function kind(block) {
  if (block.pageId) return "In deze leeromgeving";
  if (block.targetType === "DOCUMENT") return "Document";
  return LINK_KINDS[block.linkType] || "Link";
}

function size(bytes) {
  if (!bytes) return "onbekende grootte";
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}
