/**
 * A Monaco JSON editor on one model (`path`), with the core's problems shown as markers next
 * to Monaco's own (syntax, and the schema registered for the path). Loaded lazily: see
 * LazyJsonEditor.tsx. Ctrl/Cmd+S runs `onSave` (the dialog's Apply).
 */
import { useEffect, useRef } from 'react';
import Editor from '@monaco-editor/react';
import type { ToolIssue } from '../../../../core/index.ts';
import { monaco } from './setupMonaco.ts';
import { markMonacoReady } from './loadTiming.ts';

type CodeEditor = ReturnType<typeof monaco.editor.create>;

export interface JsonEditorHandle {
  revealLine(line: number): void;
  focus(): void;
}

export interface MonacoJsonEditorProps {
  path: string;
  value: string;
  onChange(text: string): void;
  /** Problems from the core, shown as error markers on their lines. */
  problems: readonly ToolIssue[];
  label: string;
  onSave?: () => void;
  onReady?: (handle: JsonEditorHandle) => void;
}

const MARKER_OWNER = 'chainwright';

export default function MonacoJsonEditor({ path, value, onChange, problems, label, onSave, onReady }: MonacoJsonEditorProps) {
  const editorRef = useRef<CodeEditor | null>(null);
  const saveRef = useRef(onSave);
  useEffect(() => {
    saveRef.current = onSave;
  }, [onSave]);

  useEffect(() => {
    const model = monaco.editor.getModel(monaco.Uri.parse(path));
    if (!model) return;
    const markers = problems.map((p) => {
      const line = Math.min(Math.max(p.line ?? 1, 1), model.getLineCount());
      return {
        severity: monaco.MarkerSeverity.Error,
        message: `${p.path}: ${p.message}`,
        startLineNumber: line,
        startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
        endLineNumber: line,
        endColumn: model.getLineMaxColumn(line),
      };
    });
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
  }, [path, problems, value]);

  return (
    <Editor
      path={path}
      language="json"
      value={value}
      onChange={(text) => onChange(text ?? '')}
      loading={<p className="muted tool-editor-loading">Loading the editor…</p>}
      options={{
        ariaLabel: label,
        minimap: { enabled: false },
        fontSize: 13,
        lineNumbersMinChars: 3,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        wordWrap: 'on',
        renderLineHighlight: 'line',
        fixedOverflowWidgets: false,
        contextmenu: false,
        quickSuggestions: { strings: true, other: true, comments: false },
        // Completions come from the tool schema only: words of the text (Monaco's fallback while
        // the JSON worker starts) are not keys a definition may have.
        wordBasedSuggestions: 'off',
      }}
      onMount={(editor) => {
        editorRef.current = editor;
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current?.());
        markMonacoReady();
        onReady?.({
          revealLine: (line) => {
            editor.revealLineInCenter(line);
            editor.setPosition({ lineNumber: line, column: 1 });
            editor.focus();
          },
          focus: () => editor.focus(),
        });
      }}
    />
  );
}
