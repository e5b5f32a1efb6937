/**
 * An editor on one model with Coldstart's options, and for code editors a bar below the text that
 * counts the problems TypeScript underlines (a click, or F8, opens the next one): a learner sees
 * them without scrolling to each squiggle. Part of the lazy Monaco chunk, so the component that
 * mounts editors (MonacoEditor.svelte) adds little to the start-up JavaScript.
 */
import * as monaco from 'monaco-editor/editor/editor.api';

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export interface EditorSetup {
  /** Where the editor is drawn; the problems bar goes right after it. */
  host: HTMLElement;
  /** Model URI, e.g. file:///index.mjs: TypeScript resolves imports relative to it. */
  uri: string;
  value: string;
  language: 'javascript' | 'json';
  label: string;
  dark: boolean;
  onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun: () => void;
  /** Code editors: the problems bar, with data-testid `${testid}-problems`, and its words. */
  problems?: { testid: string; text: (counts: ProblemCounts) => string; hint: () => string };
}

export interface OpenEditor {
  editor: monaco.editor.IStandaloneCodeEditor;
  /** Text set from outside (a template, a reset): replaced as one undoable edit. */
  setValue(value: string): void;
  setDark(dark: boolean): void;
  /** Words again, after a language switch. */
  refresh(): void;
  dispose(): void;
}

export function openEditor(setup: EditorSetup): OpenEditor {
  const uri = monaco.Uri.parse(setup.uri);
  // A model left by an earlier visit of this page would hold stale text.
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(setup.value, setup.language, uri);
  const editor = monaco.editor.create(setup.host, {
    model,
    theme: setup.dark ? 'vs-dark' : 'vs',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13.5,
    fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono'),
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    tabSize: 2,
    // The workbench is narrow at 1100 px; wrapping beats scrolling sideways through comments.
    wordWrap: 'on',
    fixedOverflowWidgets: true,
    ariaLabel: setup.label,
    padding: { top: 8 },
  });
  editor.onDidChangeModelContent(() => setup.onChange(model.getValue()));
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => setup.onRun());
  const bar = setup.problems && problemsBar(editor, model, setup.host, setup.problems);
  return {
    editor,
    setValue(value) {
      if (model.getValue() === value) return;
      editor.executeEdits('coldstart', [{ range: model.getFullModelRange(), text: value }]);
      editor.pushUndoStop();
    },
    setDark: (dark) => monaco.editor.setTheme(dark ? 'vs-dark' : 'vs'),
    refresh: () => bar?.refresh(),
    dispose() {
      bar?.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}

/** The bar that counts the model's error and warning markers, kept up to date as they change. */
function problemsBar(
  editor: monaco.editor.IStandaloneCodeEditor,
  model: monaco.editor.ITextModel,
  host: HTMLElement,
  words: NonNullable<EditorSetup['problems']>,
): { refresh(): void; dispose(): void } {
  const bar = document.createElement('button');
  bar.type = 'button';
  bar.className = 'problems';
  bar.dataset.testid = `${words.testid}-problems`;
  bar.addEventListener('click', () => {
    editor.focus();
    editor.trigger('problems', 'editor.action.marker.next', null);
  });
  host.after(bar);
  const refresh = (): void => {
    const markers = monaco.editor.getModelMarkers({ resource: model.uri });
    const counts = {
      errors: markers.filter((m) => m.severity === monaco.MarkerSeverity.Error).length,
      warnings: markers.filter((m) => m.severity === monaco.MarkerSeverity.Warning).length,
    };
    bar.dataset.errors = String(counts.errors);
    bar.dataset.warnings = String(counts.warnings);
    bar.disabled = counts.errors + counts.warnings === 0;
    bar.textContent = words.text(counts);
    bar.title = words.hint();
  };
  const listener = monaco.editor.onDidChangeMarkers((uris) => {
    if (uris.some((changed) => changed.toString() === model.uri.toString())) refresh();
  });
  refresh();
  return {
    refresh,
    dispose() {
      listener.dispose();
      bar.remove();
    },
  };
}
