import { nameOrders } from "@/app/_lib/registration/fields";
import { Choice, describedBy, FieldMessages, type FieldContext } from "./Field";

type NameOrder = (typeof nameOrders)[number];

type Props = {
  state: FieldContext;
  legend: string;
  labels: Record<NameOrder, string>;
  /** The order chosen before (or the reader's custom); what was typed after a refusal wins. */
  value: string;
};

/** Which name comes first, as two radio buttons: a delegate's and a speaker's name alike. */
export function NameOrderField({ state, legend, labels, value }: Props) {
  return (
    <fieldset className="space-y-1" aria-describedby={describedBy("nameOrder", state)}>
      <legend className="font-medium">{legend}</legend>
      {nameOrders.map((order) => (
        <Choice
          key={order}
          type="radio"
          name="nameOrder"
          value={order}
          defaultChecked={value === order}
          label={labels[order]}
        />
      ))}
      <FieldMessages name="nameOrder" state={state} />
    </fieldset>
  );
}
