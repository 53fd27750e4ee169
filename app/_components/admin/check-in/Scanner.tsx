"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { normalizeCheckInCode } from "@/app/_lib/check-in-code";

type Problem = "noCamera" | "denied" | "cameraFailed";

/** The browser's own QR reader where it has one (Chrome on Android); absent from TypeScript's DOM types. */
type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
declare global {
  interface Window {
    BarcodeDetector?: {
      new (options: { formats: string[] }): Detector;
      getSupportedFormats?(): Promise<string[]>;
    };
  }
}

/** A reader of one video frame: the browser's BarcodeDetector, or jsQR on the frame's pixels. */
async function frameReader(video: HTMLVideoElement): Promise<() => Promise<string | null>> {
  const Native = window.BarcodeDetector;
  if (Native && (await Native.getSupportedFormats?.())?.includes("qr_code") !== false) {
    const detector = new Native({ formats: ["qr_code"] });
    return async () => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  return async () => {
    if (!video.videoWidth) return null;
    // A smaller frame is read faster and a QR code at arm's length is still large in it.
    const scale = Math.min(1, 640 / Math.max(video.videoWidth, video.videoHeight));
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data ?? null;
  };
}

/**
 * The camera scanner: reads QR codes until one holds a check-in code, then hands it on (`onCode`) and
 * stops. Anything else in front of the camera (a ticket, a website's QR code) is ignored.
 */
export function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const t = useTranslations("adminOnSite.checkIn");
  const video = useRef<HTMLVideoElement>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia)
        throw Object.assign(new Error("no camera"), { name: "NotFoundError" });
      const opened = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: "environment" } },
        audio: false,
      });
      // Stopped while the browser was still asking: the clean-up found no stream, so the camera is turned off here.
      if (stopped) return opened.getTracks().forEach((track) => track.stop());
      stream = opened;
      const element = video.current!;
      element.srcObject = stream;
      await element.play();
      const read = await frameReader(element);
      const tick = async () => {
        if (stopped) return;
        const code = normalizeCheckInCode((await read().catch(() => null)) ?? "");
        if (code && !stopped) {
          setRunning(false);
          onCode(code);
          return;
        }
        timer = setTimeout(tick, 200);
      };
      await tick();
    })().catch((error: { name?: string }) => {
      if (stopped) return;
      setProblem(
        error.name === "NotAllowedError" || error.name === "SecurityError"
          ? "denied"
          : error.name === "NotFoundError" || error.name === "OverconstrainedError"
            ? "noCamera"
            : "cameraFailed",
      );
      setRunning(false);
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [running, onCode]);

  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={() => {
          setProblem(null);
          setRunning(!running);
        }}
        aria-pressed={running}
        className="min-h-12 w-full rounded-lg border-2 border-brand-700 bg-white px-4 py-3 text-lg font-semibold text-brand-800 hover:bg-brand-50"
      >
        {running ? t("scanStop") : t("scanStart")}
      </button>
      {running && (
        <div className="space-y-2">
          <video
            ref={video}
            muted
            playsInline
            aria-label={t("scanVideo")}
            className="aspect-square w-full max-w-md rounded-lg bg-black object-cover"
          />
          <p className="text-sm text-slate-700">{t("scanHint")}</p>
        </div>
      )}
      {problem && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {t(problem)}
        </p>
      )}
    </div>
  );
}
