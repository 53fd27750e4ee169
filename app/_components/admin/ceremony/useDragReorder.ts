"use client";

import { useState, type DragEvent } from "react";

/**
 * Native HTML5 drag and drop for a list: a handle starts the drag, each row is a drop target. Only a
 * pointer aid: every list that uses it also has move-up/move-down buttons for the keyboard.
 */
export function useDragReorder(onMove: (from: number, to: number) => void) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const reset = () => {
    setDragging(null);
    setOver(null);
  };
  return {
    handleProps: (index: number) => ({
      draggable: true,
      onDragStart: (event: DragEvent) => {
        setDragging(index);
        event.dataTransfer.effectAllowed = "move";
        // Firefox starts a drag only with some data.
        event.dataTransfer.setData("text/plain", String(index));
      },
      onDragEnd: reset,
    }),
    rowProps: (index: number) => ({
      onDragOver: (event: DragEvent) => {
        if (dragging === null) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        setOver(index);
      },
      onDrop: (event: DragEvent) => {
        if (dragging === null) return;
        event.preventDefault();
        if (dragging !== index) onMove(dragging, index);
        reset();
      },
      "data-dragging": dragging === index ? "" : undefined,
      "data-drop-target": over === index && dragging !== null && dragging !== index ? "" : undefined,
    }),
  };
}
