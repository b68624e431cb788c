// Written by benchmarks/tools/write-status-sources.py; edit the script, not this file.
// One file on purpose: one baseline (the length-and-character dispatch) for the 4, 32 and 128 states, written in one
// piece by this script; its length is the 128-state switch itself.

namespace AsyncPluginGen.Benchmarks.StatusDispatch;

/// <summary>The physical-limit string dispatch: length, then a distinguishing character, then one string.Equals.</summary>
internal static class LengthCharSwitches
{
    /// <summary>The states <see cref="String4"/> knows, in the order of its indexes.</summary>
    public static readonly string[] String4States = ["PENDING", "RUNNING", "DONE", "FAILED"];

    /// <summary>The index of one of the 4 states in <see cref="String4States"/>, or -1.</summary>
    public static int String4(string? state)
    {
        if (state is null)
        {
            return -1;
        }

        switch (state.Length)
        {
            case 4:
                return string.Equals(state, "DONE") ? 2 : -1;
            case 6:
                return string.Equals(state, "FAILED") ? 3 : -1;
            case 7:
                switch (state[0])
                {
                    case 'P':
                        return string.Equals(state, "PENDING") ? 0 : -1;
                    case 'R':
                        return string.Equals(state, "RUNNING") ? 1 : -1;
                    default:
                        return -1;
                }
            default:
                return -1;
        }
    }

    /// <summary>The states <see cref="String32"/> knows, in the order of its indexes.</summary>
    public static readonly string[] String32States = ["SUBMITTED", "PENDING", "QUEUED", "PROVISIONING", "STARTING", "DOWNLOADING", "PREPARING", "RUNNING", "TRAINING", "UPLOADING", "EVALUATING", "STOPPING", "COMPLETED", "SUCCEEDED", "FINISHED", "FAILED", "ERROR", "TIMEOUT", "OUTOFMEMORY", "PREEMPTED", "THROTTLED", "SUSPENDED", "RESUMING", "RETRYING", "CANCELLING", "CANCELLED", "EXPIRED", "REJECTED", "INVALID", "UNKNOWN", "BLOCKED", "WAITING"];

    /// <summary>The index of one of the 32 states in <see cref="String32States"/>, or -1.</summary>
    public static int String32(string? state)
    {
        if (state is null)
        {
            return -1;
        }

        switch (state.Length)
        {
            case 5:
                return string.Equals(state, "ERROR") ? 16 : -1;
            case 6:
                switch (state[0])
                {
                    case 'F':
                        return string.Equals(state, "FAILED") ? 15 : -1;
                    case 'Q':
                        return string.Equals(state, "QUEUED") ? 2 : -1;
                    default:
                        return -1;
                }
            case 7:
                switch (state[0])
                {
                    case 'B':
                        return string.Equals(state, "BLOCKED") ? 30 : -1;
                    case 'E':
                        return string.Equals(state, "EXPIRED") ? 26 : -1;
                    case 'I':
                        return string.Equals(state, "INVALID") ? 28 : -1;
                    case 'P':
                        return string.Equals(state, "PENDING") ? 1 : -1;
                    case 'R':
                        return string.Equals(state, "RUNNING") ? 7 : -1;
                    case 'T':
                        return string.Equals(state, "TIMEOUT") ? 17 : -1;
                    case 'U':
                        return string.Equals(state, "UNKNOWN") ? 29 : -1;
                    case 'W':
                        return string.Equals(state, "WAITING") ? 31 : -1;
                    default:
                        return -1;
                }
            case 8:
                switch (state[4])
                {
                    case 'C':
                        return string.Equals(state, "REJECTED") ? 27 : -1;
                    case 'M':
                        return string.Equals(state, "RESUMING") ? 22 : -1;
                    case 'N':
                        return string.Equals(state, "TRAINING") ? 8 : -1;
                    case 'P':
                        return string.Equals(state, "STOPPING") ? 11 : -1;
                    case 'S':
                        return string.Equals(state, "FINISHED") ? 14 : -1;
                    case 'T':
                        return string.Equals(state, "STARTING") ? 4 : -1;
                    case 'Y':
                        return string.Equals(state, "RETRYING") ? 23 : -1;
                    default:
                        return -1;
                }
            case 9:
                switch (state[2])
                {
                    case 'B':
                        return string.Equals(state, "SUBMITTED") ? 0 : -1;
                    case 'C':
                        return string.Equals(state, "SUCCEEDED") ? 13 : -1;
                    case 'E':
                        switch (state[3])
                        {
                            case 'E':
                                return string.Equals(state, "PREEMPTED") ? 19 : -1;
                            case 'P':
                                return string.Equals(state, "PREPARING") ? 6 : -1;
                            default:
                                return -1;
                        }
                    case 'L':
                        return string.Equals(state, "UPLOADING") ? 9 : -1;
                    case 'M':
                        return string.Equals(state, "COMPLETED") ? 12 : -1;
                    case 'N':
                        return string.Equals(state, "CANCELLED") ? 25 : -1;
                    case 'R':
                        return string.Equals(state, "THROTTLED") ? 20 : -1;
                    case 'S':
                        return string.Equals(state, "SUSPENDED") ? 21 : -1;
                    default:
                        return -1;
                }
            case 10:
                switch (state[0])
                {
                    case 'C':
                        return string.Equals(state, "CANCELLING") ? 24 : -1;
                    case 'E':
                        return string.Equals(state, "EVALUATING") ? 10 : -1;
                    default:
                        return -1;
                }
            case 11:
                switch (state[0])
                {
                    case 'D':
                        return string.Equals(state, "DOWNLOADING") ? 5 : -1;
                    case 'O':
                        return string.Equals(state, "OUTOFMEMORY") ? 18 : -1;
                    default:
                        return -1;
                }
            case 12:
                return string.Equals(state, "PROVISIONING") ? 3 : -1;
            default:
                return -1;
        }
    }

    /// <summary>The states <see cref="String128"/> knows, in the order of its indexes.</summary>
    public static readonly string[] String128States = ["SUBMITTED", "SUBMITTED_GPU", "SUBMITTED_CPU", "SUBMITTED_SPOT", "SUBMITTED_EU_WEST", "SUBMITTED_US_EAST", "SUBMITTED_STAGE_1", "SUBMITTED_STAGE_2", "PENDING", "PENDING_GPU", "PENDING_CPU", "PENDING_SPOT", "PENDING_EU_WEST", "PENDING_US_EAST", "PENDING_STAGE_1", "PENDING_STAGE_2", "QUEUED", "QUEUED_GPU", "QUEUED_CPU", "QUEUED_SPOT", "QUEUED_EU_WEST", "QUEUED_US_EAST", "QUEUED_STAGE_1", "QUEUED_STAGE_2", "PROVISIONING", "PROVISIONING_GPU", "PROVISIONING_CPU", "PROVISIONING_SPOT", "PROVISIONING_EU_WEST", "PROVISIONING_US_EAST", "PROVISIONING_STAGE_1", "PROVISIONING_STAGE_2", "STARTING", "STARTING_GPU", "STARTING_CPU", "STARTING_SPOT", "STARTING_EU_WEST", "STARTING_US_EAST", "STARTING_STAGE_1", "STARTING_STAGE_2", "DOWNLOADING", "DOWNLOADING_GPU", "DOWNLOADING_CPU", "DOWNLOADING_SPOT", "DOWNLOADING_EU_WEST", "DOWNLOADING_US_EAST", "DOWNLOADING_STAGE_1", "DOWNLOADING_STAGE_2", "PREPARING", "PREPARING_GPU", "PREPARING_CPU", "PREPARING_SPOT", "PREPARING_EU_WEST", "PREPARING_US_EAST", "PREPARING_STAGE_1", "PREPARING_STAGE_2", "RUNNING", "RUNNING_GPU", "RUNNING_CPU", "RUNNING_SPOT", "RUNNING_EU_WEST", "RUNNING_US_EAST", "RUNNING_STAGE_1", "RUNNING_STAGE_2", "TRAINING", "TRAINING_GPU", "TRAINING_CPU", "TRAINING_SPOT", "TRAINING_EU_WEST", "TRAINING_US_EAST", "TRAINING_STAGE_1", "TRAINING_STAGE_2", "UPLOADING", "UPLOADING_GPU", "UPLOADING_CPU", "UPLOADING_SPOT", "UPLOADING_EU_WEST", "UPLOADING_US_EAST", "UPLOADING_STAGE_1", "UPLOADING_STAGE_2", "EVALUATING", "EVALUATING_GPU", "EVALUATING_CPU", "EVALUATING_SPOT", "EVALUATING_EU_WEST", "EVALUATING_US_EAST", "EVALUATING_STAGE_1", "EVALUATING_STAGE_2", "STOPPING", "STOPPING_GPU", "STOPPING_CPU", "STOPPING_SPOT", "STOPPING_EU_WEST", "STOPPING_US_EAST", "STOPPING_STAGE_1", "STOPPING_STAGE_2", "COMPLETED", "COMPLETED_GPU", "COMPLETED_CPU", "COMPLETED_SPOT", "COMPLETED_EU_WEST", "COMPLETED_US_EAST", "COMPLETED_STAGE_1", "COMPLETED_STAGE_2", "FAILED", "FAILED_GPU", "FAILED_CPU", "FAILED_SPOT", "FAILED_EU_WEST", "FAILED_US_EAST", "FAILED_STAGE_1", "FAILED_STAGE_2", "INTERRUPTED", "INTERRUPTED_GPU", "INTERRUPTED_CPU", "INTERRUPTED_SPOT", "INTERRUPTED_EU_WEST", "INTERRUPTED_US_EAST", "INTERRUPTED_STAGE_1", "INTERRUPTED_STAGE_2", "THROTTLED", "THROTTLED_GPU", "THROTTLED_CPU", "THROTTLED_SPOT", "THROTTLED_EU_WEST", "THROTTLED_US_EAST", "THROTTLED_STAGE_1", "THROTTLED_STAGE_2"];

    /// <summary>The index of one of the 128 states in <see cref="String128States"/>, or -1.</summary>
    public static int String128(string? state)
    {
        if (state is null)
        {
            return -1;
        }

        switch (state.Length)
        {
            case 6:
                switch (state[0])
                {
                    case 'F':
                        return string.Equals(state, "FAILED") ? 104 : -1;
                    case 'Q':
                        return string.Equals(state, "QUEUED") ? 16 : -1;
                    default:
                        return -1;
                }
            case 7:
                switch (state[0])
                {
                    case 'P':
                        return string.Equals(state, "PENDING") ? 8 : -1;
                    case 'R':
                        return string.Equals(state, "RUNNING") ? 56 : -1;
                    default:
                        return -1;
                }
            case 8:
                switch (state[3])
                {
                    case 'I':
                        return string.Equals(state, "TRAINING") ? 64 : -1;
                    case 'P':
                        return string.Equals(state, "STOPPING") ? 88 : -1;
                    case 'R':
                        return string.Equals(state, "STARTING") ? 32 : -1;
                    default:
                        return -1;
                }
            case 9:
                switch (state[0])
                {
                    case 'C':
                        return string.Equals(state, "COMPLETED") ? 96 : -1;
                    case 'P':
                        return string.Equals(state, "PREPARING") ? 48 : -1;
                    case 'S':
                        return string.Equals(state, "SUBMITTED") ? 0 : -1;
                    case 'T':
                        return string.Equals(state, "THROTTLED") ? 120 : -1;
                    case 'U':
                        return string.Equals(state, "UPLOADING") ? 72 : -1;
                    default:
                        return -1;
                }
            case 10:
                switch (state[0])
                {
                    case 'E':
                        return string.Equals(state, "EVALUATING") ? 80 : -1;
                    case 'F':
                        switch (state[7])
                        {
                            case 'C':
                                return string.Equals(state, "FAILED_CPU") ? 106 : -1;
                            case 'G':
                                return string.Equals(state, "FAILED_GPU") ? 105 : -1;
                            default:
                                return -1;
                        }
                    case 'Q':
                        switch (state[7])
                        {
                            case 'C':
                                return string.Equals(state, "QUEUED_CPU") ? 18 : -1;
                            case 'G':
                                return string.Equals(state, "QUEUED_GPU") ? 17 : -1;
                            default:
                                return -1;
                        }
                    default:
                        return -1;
                }
            case 11:
                switch (state[0])
                {
                    case 'D':
                        return string.Equals(state, "DOWNLOADING") ? 40 : -1;
                    case 'F':
                        return string.Equals(state, "FAILED_SPOT") ? 107 : -1;
                    case 'I':
                        return string.Equals(state, "INTERRUPTED") ? 112 : -1;
                    case 'P':
                        switch (state[8])
                        {
                            case 'C':
                                return string.Equals(state, "PENDING_CPU") ? 10 : -1;
                            case 'G':
                                return string.Equals(state, "PENDING_GPU") ? 9 : -1;
                            default:
                                return -1;
                        }
                    case 'Q':
                        return string.Equals(state, "QUEUED_SPOT") ? 19 : -1;
                    case 'R':
                        switch (state[8])
                        {
                            case 'C':
                                return string.Equals(state, "RUNNING_CPU") ? 58 : -1;
                            case 'G':
                                return string.Equals(state, "RUNNING_GPU") ? 57 : -1;
                            default:
                                return -1;
                        }
                    default:
                        return -1;
                }
            case 12:
                switch (state[3])
                {
                    case 'D':
                        return string.Equals(state, "PENDING_SPOT") ? 11 : -1;
                    case 'I':
                        switch (state[9])
                        {
                            case 'C':
                                return string.Equals(state, "TRAINING_CPU") ? 66 : -1;
                            case 'G':
                                return string.Equals(state, "TRAINING_GPU") ? 65 : -1;
                            default:
                                return -1;
                        }
                    case 'N':
                        return string.Equals(state, "RUNNING_SPOT") ? 59 : -1;
                    case 'P':
                        switch (state[9])
                        {
                            case 'C':
                                return string.Equals(state, "STOPPING_CPU") ? 90 : -1;
                            case 'G':
                                return string.Equals(state, "STOPPING_GPU") ? 89 : -1;
                            default:
                                return -1;
                        }
                    case 'R':
                        switch (state[9])
                        {
                            case 'C':
                                return string.Equals(state, "STARTING_CPU") ? 34 : -1;
                            case 'G':
                                return string.Equals(state, "STARTING_GPU") ? 33 : -1;
                            default:
                                return -1;
                        }
                    case 'V':
                        return string.Equals(state, "PROVISIONING") ? 24 : -1;
                    default:
                        return -1;
                }
            case 13:
                switch (state[2])
                {
                    case 'A':
                        switch (state[0])
                        {
                            case 'S':
                                return string.Equals(state, "STARTING_SPOT") ? 35 : -1;
                            case 'T':
                                return string.Equals(state, "TRAINING_SPOT") ? 67 : -1;
                            default:
                                return -1;
                        }
                    case 'B':
                        switch (state[10])
                        {
                            case 'C':
                                return string.Equals(state, "SUBMITTED_CPU") ? 2 : -1;
                            case 'G':
                                return string.Equals(state, "SUBMITTED_GPU") ? 1 : -1;
                            default:
                                return -1;
                        }
                    case 'E':
                        switch (state[10])
                        {
                            case 'C':
                                return string.Equals(state, "PREPARING_CPU") ? 50 : -1;
                            case 'G':
                                return string.Equals(state, "PREPARING_GPU") ? 49 : -1;
                            default:
                                return -1;
                        }
                    case 'L':
                        switch (state[10])
                        {
                            case 'C':
                                return string.Equals(state, "UPLOADING_CPU") ? 74 : -1;
                            case 'G':
                                return string.Equals(state, "UPLOADING_GPU") ? 73 : -1;
                            default:
                                return -1;
                        }
                    case 'M':
                        switch (state[10])
                        {
                            case 'C':
                                return string.Equals(state, "COMPLETED_CPU") ? 98 : -1;
                            case 'G':
                                return string.Equals(state, "COMPLETED_GPU") ? 97 : -1;
                            default:
                                return -1;
                        }
                    case 'O':
                        return string.Equals(state, "STOPPING_SPOT") ? 91 : -1;
                    case 'R':
                        switch (state[10])
                        {
                            case 'C':
                                return string.Equals(state, "THROTTLED_CPU") ? 122 : -1;
                            case 'G':
                                return string.Equals(state, "THROTTLED_GPU") ? 121 : -1;
                            default:
                                return -1;
                        }
                    default:
                        return -1;
                }
            case 14:
                switch (state[0])
                {
                    case 'C':
                        return string.Equals(state, "COMPLETED_SPOT") ? 99 : -1;
                    case 'E':
                        switch (state[11])
                        {
                            case 'C':
                                return string.Equals(state, "EVALUATING_CPU") ? 82 : -1;
                            case 'G':
                                return string.Equals(state, "EVALUATING_GPU") ? 81 : -1;
                            default:
                                return -1;
                        }
                    case 'F':
                        switch (state[7])
                        {
                            case 'E':
                                return string.Equals(state, "FAILED_EU_WEST") ? 108 : -1;
                            case 'S':
                                switch (state[13])
                                {
                                    case '1':
                                        return string.Equals(state, "FAILED_STAGE_1") ? 110 : -1;
                                    case '2':
                                        return string.Equals(state, "FAILED_STAGE_2") ? 111 : -1;
                                    default:
                                        return -1;
                                }
                            case 'U':
                                return string.Equals(state, "FAILED_US_EAST") ? 109 : -1;
                            default:
                                return -1;
                        }
                    case 'P':
                        return string.Equals(state, "PREPARING_SPOT") ? 51 : -1;
                    case 'Q':
                        switch (state[7])
                        {
                            case 'E':
                                return string.Equals(state, "QUEUED_EU_WEST") ? 20 : -1;
                            case 'S':
                                switch (state[13])
                                {
                                    case '1':
                                        return string.Equals(state, "QUEUED_STAGE_1") ? 22 : -1;
                                    case '2':
                                        return string.Equals(state, "QUEUED_STAGE_2") ? 23 : -1;
                                    default:
                                        return -1;
                                }
                            case 'U':
                                return string.Equals(state, "QUEUED_US_EAST") ? 21 : -1;
                            default:
                                return -1;
                        }
                    case 'S':
                        return string.Equals(state, "SUBMITTED_SPOT") ? 3 : -1;
                    case 'T':
                        return string.Equals(state, "THROTTLED_SPOT") ? 123 : -1;
                    case 'U':
                        return string.Equals(state, "UPLOADING_SPOT") ? 75 : -1;
                    default:
                        return -1;
                }
            case 15:
                switch (state[8])
                {
                    case 'E':
                        switch (state[0])
                        {
                            case 'P':
                                return string.Equals(state, "PENDING_EU_WEST") ? 12 : -1;
                            case 'R':
                                return string.Equals(state, "RUNNING_EU_WEST") ? 60 : -1;
                            default:
                                return -1;
                        }
                    case 'I':
                        switch (state[12])
                        {
                            case 'C':
                                return string.Equals(state, "DOWNLOADING_CPU") ? 42 : -1;
                            case 'G':
                                return string.Equals(state, "DOWNLOADING_GPU") ? 41 : -1;
                            default:
                                return -1;
                        }
                    case 'N':
                        return string.Equals(state, "EVALUATING_SPOT") ? 83 : -1;
                    case 'S':
                        switch (state[0])
                        {
                            case 'P':
                                switch (state[14])
                                {
                                    case '1':
                                        return string.Equals(state, "PENDING_STAGE_1") ? 14 : -1;
                                    case '2':
                                        return string.Equals(state, "PENDING_STAGE_2") ? 15 : -1;
                                    default:
                                        return -1;
                                }
                            case 'R':
                                switch (state[14])
                                {
                                    case '1':
                                        return string.Equals(state, "RUNNING_STAGE_1") ? 62 : -1;
                                    case '2':
                                        return string.Equals(state, "RUNNING_STAGE_2") ? 63 : -1;
                                    default:
                                        return -1;
                                }
                            default:
                                return -1;
                        }
                    case 'T':
                        switch (state[12])
                        {
                            case 'C':
                                return string.Equals(state, "INTERRUPTED_CPU") ? 114 : -1;
                            case 'G':
                                return string.Equals(state, "INTERRUPTED_GPU") ? 113 : -1;
                            default:
                                return -1;
                        }
                    case 'U':
                        switch (state[0])
                        {
                            case 'P':
                                return string.Equals(state, "PENDING_US_EAST") ? 13 : -1;
                            case 'R':
                                return string.Equals(state, "RUNNING_US_EAST") ? 61 : -1;
                            default:
                                return -1;
                        }
                    default:
                        return -1;
                }
            case 16:
                switch (state[3])
                {
                    case 'E':
                        return string.Equals(state, "INTERRUPTED_SPOT") ? 115 : -1;
                    case 'I':
                        switch (state[9])
                        {
                            case 'E':
                                return string.Equals(state, "TRAINING_EU_WEST") ? 68 : -1;
                            case 'S':
                                switch (state[15])
                                {
                                    case '1':
                                        return string.Equals(state, "TRAINING_STAGE_1") ? 70 : -1;
                                    case '2':
                                        return string.Equals(state, "TRAINING_STAGE_2") ? 71 : -1;
                                    default:
                                        return -1;
                                }
                            case 'U':
                                return string.Equals(state, "TRAINING_US_EAST") ? 69 : -1;
                            default:
                                return -1;
                        }
                    case 'N':
                        return string.Equals(state, "DOWNLOADING_SPOT") ? 43 : -1;
                    case 'P':
                        switch (state[9])
                        {
                            case 'E':
                                return string.Equals(state, "STOPPING_EU_WEST") ? 92 : -1;
                            case 'S':
                                switch (state[15])
                                {
                                    case '1':
                                        return string.Equals(state, "STOPPING_STAGE_1") ? 94 : -1;
                                    case '2':
                                        return string.Equals(state, "STOPPING_STAGE_2") ? 95 : -1;
                                    default:
                                        return -1;
                                }
                            case 'U':
                                return string.Equals(state, "STOPPING_US_EAST") ? 93 : -1;
                            default:
                                return -1;
                        }
                    case 'R':
                        switch (state[9])
                        {
                            case 'E':
                                return string.Equals(state, "STARTING_EU_WEST") ? 36 : -1;
                            case 'S':
                                switch (state[15])
                                {
                                    case '1':
                                        return string.Equals(state, "STARTING_STAGE_1") ? 38 : -1;
                                    case '2':
                                        return string.Equals(state, "STARTING_STAGE_2") ? 39 : -1;
                                    default:
                                        return -1;
                                }
                            case 'U':
                                return string.Equals(state, "STARTING_US_EAST") ? 37 : -1;
                            default:
                                return -1;
                        }
                    case 'V':
                        switch (state[13])
                        {
                            case 'C':
                                return string.Equals(state, "PROVISIONING_CPU") ? 26 : -1;
                            case 'G':
                                return string.Equals(state, "PROVISIONING_GPU") ? 25 : -1;
                            default:
                                return -1;
                        }
                    default:
                        return -1;
                }
            case 17:
                switch (state[2])
                {
                    case 'B':
                        switch (state[10])
                        {
                            case 'E':
                                return string.Equals(state, "SUBMITTED_EU_WEST") ? 4 : -1;
                            case 'S':
                                switch (state[16])
                                {
                                    case '1':
                                        return string.Equals(state, "SUBMITTED_STAGE_1") ? 6 : -1;
                                    case '2':
                                        return string.Equals(state, "SUBMITTED_STAGE_2") ? 7 : -1;
                                    default:
                                        return -1;
                                }
                            case 'U':
                                return string.Equals(state, "SUBMITTED_US_EAST") ? 5 : -1;
                            default:
                                return -1;
                        }
                    case 'E':
                        switch (state[10])
                        {
                            case 'E':
                                return string.Equals(state, "PREPARING_EU_WEST") ? 52 : -1;
                            case 'S':
                                switch (state[16])
                                {
                                    case '1':
                                        return string.Equals(state, "PREPARING_STAGE_1") ? 54 : -1;
                                    case '2':
                                        return string.Equals(state, "PREPARING_STAGE_2") ? 55 : -1;
                                    default:
                                        return -1;
                                }
                            case 'U':
                                return string.Equals(state, "PREPARING_US_EAST") ? 53 : -1;
                            default:
                                return -1;
                        }
                    case 'L':
                        switch (state[10])
                        {
                            case 'E':
                                return string.Equals(state, "UPLOADING_EU_WEST") ? 76 : -1;
                            case 'S':
                                switch (state[16])
                                {
                                    case '1':
                                        return string.Equals(state, "UPLOADING_STAGE_1") ? 78 : -1;
                                    case '2':
                                        return string.Equals(state, "UPLOADING_STAGE_2") ? 79 : -1;
                                    default:
                                        return -1;
                                }
                            case 'U':
                                return string.Equals(state, "UPLOADING_US_EAST") ? 77 : -1;
                            default:
                                return -1;
                        }
                    case 'M':
                        switch (state[10])
                        {
                            case 'E':
                                return string.Equals(state, "COMPLETED_EU_WEST") ? 100 : -1;
                            case 'S':
                                switch (state[16])
                                {
                                    case '1':
                                        return string.Equals(state, "COMPLETED_STAGE_1") ? 102 : -1;
                                    case '2':
                                        return string.Equals(state, "COMPLETED_STAGE_2") ? 103 : -1;
                                    default:
                                        return -1;
                                }
                            case 'U':
                                return string.Equals(state, "COMPLETED_US_EAST") ? 101 : -1;
                            default:
                                return -1;
                        }
                    case 'O':
                        return string.Equals(state, "PROVISIONING_SPOT") ? 27 : -1;
                    case 'R':
                        switch (state[10])
                        {
                            case 'E':
                                return string.Equals(state, "THROTTLED_EU_WEST") ? 124 : -1;
                            case 'S':
                                switch (state[16])
                                {
                                    case '1':
                                        return string.Equals(state, "THROTTLED_STAGE_1") ? 126 : -1;
                                    case '2':
                                        return string.Equals(state, "THROTTLED_STAGE_2") ? 127 : -1;
                                    default:
                                        return -1;
                                }
                            case 'U':
                                return string.Equals(state, "THROTTLED_US_EAST") ? 125 : -1;
                            default:
                                return -1;
                        }
                    default:
                        return -1;
                }
            case 18:
                switch (state[11])
                {
                    case 'E':
                        return string.Equals(state, "EVALUATING_EU_WEST") ? 84 : -1;
                    case 'S':
                        switch (state[17])
                        {
                            case '1':
                                return string.Equals(state, "EVALUATING_STAGE_1") ? 86 : -1;
                            case '2':
                                return string.Equals(state, "EVALUATING_STAGE_2") ? 87 : -1;
                            default:
                                return -1;
                        }
                    case 'U':
                        return string.Equals(state, "EVALUATING_US_EAST") ? 85 : -1;
                    default:
                        return -1;
                }
            case 19:
                switch (state[12])
                {
                    case 'E':
                        switch (state[0])
                        {
                            case 'D':
                                return string.Equals(state, "DOWNLOADING_EU_WEST") ? 44 : -1;
                            case 'I':
                                return string.Equals(state, "INTERRUPTED_EU_WEST") ? 116 : -1;
                            default:
                                return -1;
                        }
                    case 'S':
                        switch (state[0])
                        {
                            case 'D':
                                switch (state[18])
                                {
                                    case '1':
                                        return string.Equals(state, "DOWNLOADING_STAGE_1") ? 46 : -1;
                                    case '2':
                                        return string.Equals(state, "DOWNLOADING_STAGE_2") ? 47 : -1;
                                    default:
                                        return -1;
                                }
                            case 'I':
                                switch (state[18])
                                {
                                    case '1':
                                        return string.Equals(state, "INTERRUPTED_STAGE_1") ? 118 : -1;
                                    case '2':
                                        return string.Equals(state, "INTERRUPTED_STAGE_2") ? 119 : -1;
                                    default:
                                        return -1;
                                }
                            default:
                                return -1;
                        }
                    case 'U':
                        switch (state[0])
                        {
                            case 'D':
                                return string.Equals(state, "DOWNLOADING_US_EAST") ? 45 : -1;
                            case 'I':
                                return string.Equals(state, "INTERRUPTED_US_EAST") ? 117 : -1;
                            default:
                                return -1;
                        }
                    default:
                        return -1;
                }
            case 20:
                switch (state[13])
                {
                    case 'E':
                        return string.Equals(state, "PROVISIONING_EU_WEST") ? 28 : -1;
                    case 'S':
                        switch (state[19])
                        {
                            case '1':
                                return string.Equals(state, "PROVISIONING_STAGE_1") ? 30 : -1;
                            case '2':
                                return string.Equals(state, "PROVISIONING_STAGE_2") ? 31 : -1;
                            default:
                                return -1;
                        }
                    case 'U':
                        return string.Equals(state, "PROVISIONING_US_EAST") ? 29 : -1;
                    default:
                        return -1;
                }
            default:
                return -1;
        }
    }
}
