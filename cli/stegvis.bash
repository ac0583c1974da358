# bash completion for stegvis: commands, types, and each type's field options as the program
# itself lists them (`stegvis fields TYPE`), so the completion never disagrees with the forms.
_stegvis()
{
    local cur prev words cword
    _init_completion 2>/dev/null || {
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    }
    local types="unit demand measure agreement participant assessment need plan phase plan_measure followup review absence leave evaluation contract"
    local i cmd="" type=""
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --db) ((i++)) ;;
            -*) ;;
            *) if [[ -z $cmd ]]; then cmd=${words[i]}; elif [[ -z $type ]]; then type=${words[i]}; fi ;;
        esac
    done
    if [[ $prev == --db || $prev == --out ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
        return
    fi
    if [[ -z $cmd ]]; then
        local cmds
        cmds=$(stegvis help 2>/dev/null | sed -n 's/^  \([a-z]*\) .*/\1/p')
        COMPREPLY=($(compgen -W "$cmds --db --version --help" -- "$cur"))
        return
    fi
    case $cmd in
        add|edit|fields|delete)
            if [[ -z $type ]]; then
                COMPREPLY=($(compgen -W "$types" -- "$cur"))
                return
            fi ;;
        participant)
            if [[ -z $type ]]; then COMPREPLY=($(compgen -W "add" -- "$cur")); return; fi
            type=participant ;;
        user)
            if [[ -z $type ]]; then COMPREPLY=($(compgen -W "add list" -- "$cur")); return; fi ;;
        catalog)
            if [[ -z $type ]]; then COMPREPLY=($(compgen -W "export import" -- "$cur")); return; fi
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--municipality $([[ $type == export ]] && echo --out)" -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            return ;;
        list)
            COMPREPLY=($(compgen -W "--municipality --search --status --step --overdue --warnings --sort --limit --show-fnr --tsv" -- "$cur"))
            return ;;
        help)
            COMPREPLY=($(compgen -W "$(stegvis help 2>/dev/null | sed -n 's/^  \([a-z]*\) .*/\1/p')" -- "$cur"))
            return ;;
    esac
    if [[ $cur == -* && -n $type ]]; then
        local opts
        opts=$(stegvis fields "$type" 2>/dev/null | sed -n 's/^  --\([a-z_0-9]*\) .*/--\1/p' | tr _ -)
        case $(stegvis fields "$type" 2>/dev/null | head -1) in
            *"hører til: --"*) opts="$opts $(stegvis fields "$type" | head -1 | sed 's/.*hører til: \(--[a-z]*\).*/\1/')" ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    fi
}
complete -F _stegvis stegvis
