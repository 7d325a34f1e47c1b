// OpenLSS administration screens: the Preview card (WEB-INF/templates/preview.xhtml) of a point's details page and
// of an archive's preview page. Nothing is fetched until the operator presses Play: then the player for the chosen
// format is loaded from the WAR (admin/players/: dash.js and its MSS part for Smooth, dash.js for MPEG-DASH, hls.js
// for HLS) and plays muted. The quality picker switches through the player's own API; the card shows the level
// playing, the latency behind the live edge and what the player reports on error, and keeps them in data-
// attributes (data-state, data-level, data-levels, data-latency) for whoever reads the page.
(function () {
  'use strict';

  const LIBRARIES = {
    smooth: ['dashjs/dash.all.min.js', 'dashjs/dash.mss.min.js'],
    dash: ['dashjs/dash.all.min.js'],
    hls: ['hlsjs/hls.min.js'],
  };
  const loaded = new Map();

  // A script of the WAR, once per page (script-src 'self').
  function load(src) {
    if (!loaded.has(src)) {
      loaded.set(src, new Promise(function (resolve, reject) {
        const script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = function () { reject(new Error('cannot load ' + src)); };
        document.head.appendChild(script);
      }));
    }
    return loaded.get(src);
  }

  function loadAll(players, names) {
    return names.reduce(function (done, name) {
      return done.then(function () { return load(players + name); });
    }, Promise.resolve());
  }

  function describe(level) {
    if (!level) {
      return '—';
    }
    const kbps = Math.round(level.bitrate / 1000);
    return kbps + ' Kbps' + (level.width && level.height ? ' · ' + level.width + '×' + level.height : '');
  }

  // hls.js: levels from the master playlist; a pick sets currentLevel (switches at once, -1 is automatic).
  function startHls(url, video, card, report) {
    if (!window.Hls || !Hls.isSupported()) {
      throw new Error('hls.js cannot play in this browser (no Media Source Extensions)');
    }
    const hls = new Hls({ enableWorker: true, workerPath: card.dataset.players + 'hlsjs/hls.worker.js' });
    let live = null;
    hls.on(Hls.Events.MANIFEST_PARSED, function () {
      report.levels(hls.levels.map(function (l) { return { bitrate: l.bitrate, width: l.width, height: l.height }; }));
      report.play();
    });
    hls.on(Hls.Events.LEVEL_LOADED, function (event, data) { live = !!data.details.live; });
    hls.on(Hls.Events.FRAG_CHANGED, function (event, data) {
      const level = hls.levels[data.frag.level];
      if (level) {
        report.playing(data.frag.level, { bitrate: level.bitrate, width: level.width, height: level.height });
      }
    });
    hls.on(Hls.Events.ERROR, function (event, data) {
      report.error('hls.js ' + data.type + ': ' + data.details + (data.fatal ? ' (fatal)' : '')
        + (data.response && data.response.code ? ', HTTP ' + data.response.code : ''), data.fatal);
    });
    hls.loadSource(url);
    hls.attachMedia(video);
    return {
      name: 'hls.js ' + Hls.version,
      setLevel: function (i) { hls.currentLevel = i; },
      latency: function () { return live ? hls.latency : null; },
      live: function () { return live; },
      stop: function () { hls.destroy(); },
    };
  }

  // dash.js (with dash.mss for Smooth): representations of the video adaptation; a pick turns automatic switching
  // off and selects the representation, replacing what is buffered.
  function startDash(url, video, smooth, report) {
    if (!window.dashjs) {
      throw new Error('dash.js is not loaded');
    }
    if (smooth && !dashjs.MssHandler) {
      throw new Error('the Smooth Streaming part of dash.js (dash.mss) is not loaded');
    }
    const player = dashjs.MediaPlayer().create();
    const events = dashjs.MediaPlayer.events;
    const auto = function (on) {
      player.updateSettings({ streaming: { abr: { autoSwitchBitrate: { video: on } } } });
    };
    player.updateSettings({
      debug: { logLevel: dashjs.Debug.LOG_LEVEL_WARNING },
      streaming: {
        abr: { autoSwitchBitrate: { video: true } },
        // dash.js would ask a time server elsewhere: the server's own Date header is the clock (connect-src 'self')
        utcSynchronization: { enabled: false,
          defaultTimingSource: { scheme: 'urn:mpeg:dash:utc:http-head:2014', value: url } },
      },
    });
    let representations = [];
    player.on(events.STREAM_INITIALIZED, function () {
      representations = player.getRepresentationsByType('video');
      report.levels(representations.map(function (r) {
        return { bitrate: r.bandwidth, width: r.width, height: r.height };
      }));
    });
    player.on(events.QUALITY_CHANGE_RENDERED, function (e) {
      const r = e.newRepresentation;
      if (e.mediaType === 'video' && r) {
        const index = representations.findIndex(function (known) { return known.id === r.id; });
        report.playing(index, { bitrate: r.bandwidth, width: r.width, height: r.height });
      }
    });
    player.on(events.ERROR, function (e) {
      const cause = e.error || {};
      report.error('dash.js error ' + (cause.code != null ? cause.code + ': ' : '')
        + String(cause.message || JSON.stringify(cause)).slice(0, 300), true);
    });
    player.on(events.PLAYBACK_ERROR, function (e) {
      report.error('dash.js playback error: ' + JSON.stringify(e.error || '').slice(0, 300), true);
    });
    player.initialize(video, url, true);
    return {
      name: 'dash.js ' + player.getVersion() + (smooth ? ' with its Smooth Streaming part' : ''),
      setLevel: function (i) {
        if (i < 0) {
          auto(true);
        } else {
          auto(false);
          player.setRepresentationForTypeByIndex('video', i, true);
        }
      },
      latency: function () {
        if (!player.isReady() || !player.isDynamic()) {
          return null;
        }
        // A Smooth manifest says nothing of wall-clock time (dash.mss starts its timeline in 1970): there the
        // latency is how far the playhead is behind the newest fragment of the manifest, the end of the DVR window.
        const latency = smooth ? (player.getDvrWindow().end - player.time()) : player.getCurrentLiveLatency();
        return isNaN(latency) ? null : latency;
      },
      live: function () { return player.isReady() ? player.isDynamic() : null; },
      stop: function () {
        if (player.destroy) {
          player.destroy();
        } else {
          player.reset();
        }
      },
    };
  }

  function setUp(card) {
    const format = document.getElementById('preview-format');
    const play = document.getElementById('preview-play');
    const stop = document.getElementById('preview-stop');
    const picker = document.getElementById('preview-level');
    const video = document.getElementById('preview-video');
    const shown = {
      state: document.getElementById('preview-state'),
      url: document.getElementById('preview-url'),
      player: document.getElementById('preview-player'),
      playing: document.getElementById('preview-playing'),
      latency: document.getElementById('preview-latency'),
      position: document.getElementById('preview-position'),
      error: document.getElementById('preview-error'),
    };
    video.muted = true;
    let session = null;
    let timer = null;

    function state(name, text) {
      card.dataset.state = name;
      shown.state.textContent = text;
    }

    function clear() {
      picker.replaceChildren(new Option('Auto', '-1'));
      picker.disabled = true;
      delete card.dataset.level;
      delete card.dataset.levels;
      delete card.dataset.latency;
      shown.player.textContent = '—';
      shown.playing.textContent = '—';
      shown.latency.textContent = '—';
      shown.position.textContent = '—';
      shown.url.textContent = '—';
    }

    function showError(message) {
      shown.error.textContent = message;
      shown.error.hidden = false;
    }

    function tick() {
      if (!session) {
        return;
      }
      const latency = session.player ? session.player.latency() : null;
      if (latency == null || !isFinite(latency)) {
        delete card.dataset.latency;
        const live = session.player ? session.player.live() : null;
        shown.latency.textContent = live === false ? 'not live (on demand)' : '—';
      } else {
        card.dataset.latency = latency.toFixed(1);
        shown.latency.textContent = latency.toFixed(1) + ' s';
      }
      shown.position.textContent = video.currentTime.toFixed(1) + ' s' + (video.paused ? ' (paused)' : '');
    }

    function end() {
      if (timer) {
        clearInterval(timer);
        timer = null;
      }
      if (session && session.player) {
        try {
          session.player.stop();
        } catch (e) {
          // the player is gone either way
        }
      }
      session = null;
      video.removeAttribute('src');
      video.load();
      clear();
      play.disabled = false;
      stop.disabled = true;
      format.disabled = false;
    }

    function start() {
      end();
      shown.error.hidden = true;
      const option = format.options[format.selectedIndex];
      if (!option) {
        return;
      }
      const kind = option.dataset.format;
      const url = option.value;
      const current = session = { player: null };
      play.disabled = true;
      stop.disabled = false;
      format.disabled = true;
      shown.url.textContent = url;
      state('loading', 'Loading ' + option.textContent + '…');
      const report = {
        levels: function (levels) {
          if (session !== current) {
            return;
          }
          picker.replaceChildren(new Option('Auto', '-1'));
          levels.forEach(function (level, i) { picker.add(new Option(describe(level), String(i))); });
          picker.disabled = levels.length < 2;
          card.dataset.levels = levels.map(function (l) { return l.bitrate; }).join(' ');
        },
        playing: function (index, level) {
          if (session !== current) {
            return;
          }
          card.dataset.level = String(level.bitrate);
          shown.playing.textContent = describe(level) + (picker.value === '-1' ? ' (Auto)' : '');
        },
        play: function () {
          video.play().catch(function (e) { showError('play(): ' + e.message); });
        },
        error: function (message, fatal) {
          if (session !== current) {
            return;
          }
          showError(message);
          if (fatal) {
            state('error', 'Failed: ' + message);
          }
        },
      };
      loadAll(card.dataset.players, LIBRARIES[kind]).then(function () {
        if (session !== current) {
          return;
        }
        current.player = kind === 'hls' ? startHls(url, video, card, report)
          : startDash(url, video, kind === 'smooth', report);
        shown.player.textContent = current.player.name;
        timer = setInterval(tick, 500);
      }).catch(function (e) {
        if (session === current) {
          report.error(e.message, true);
        }
      });
    }

    video.addEventListener('playing', function () {
      if (session) {
        state('playing', 'Playing (muted)');
      }
    });
    video.addEventListener('waiting', function () {
      if (session && card.dataset.state === 'playing') {
        state('buffering', 'Buffering…');
      }
    });
    video.addEventListener('ended', function () {
      if (session) {
        state('ended', 'Ended');
      }
    });
    video.addEventListener('error', function () {
      if (session && video.error) {
        report(video.error);
      }
    });
    function report(error) {
      const message = 'media element error ' + error.code + (error.message ? ': ' + error.message : '');
      showError(message);
      state('error', 'Failed: ' + message);
    }

    play.addEventListener('click', start);
    stop.addEventListener('click', function () {
      end();
      state('stopped', 'Stopped');
    });
    picker.addEventListener('change', function () {
      if (session && session.player) {
        session.player.setLevel(Number(picker.value));
      }
    });
    window.addEventListener('pagehide', end);
  }

  document.addEventListener('DOMContentLoaded', function () {
    const card = document.querySelector('[data-preview]');
    if (card) {
      setUp(card);
    }
  });
}());
